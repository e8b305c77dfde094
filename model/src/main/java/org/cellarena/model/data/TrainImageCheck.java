package org.cellarena.model.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cellarena.scoring.io.SolutionImage;

/** Every labelled image of a dataset exists and its PNG header has train.csv's width and height. */
final class TrainImageCheck {
  private static final int SHOWN = 20;

  private TrainImageCheck() {}

  static void check(Dataset dataset) throws IOException {
    List<String> problems = new ArrayList<>();
    for (SolutionImage image : dataset.images()) {
      Path png = dataset.imagePath(image.id());
      if (!Files.isRegularFile(png)) {
        problems.add("image " + image.id() + ": missing " + png);
        continue;
      }
      int[] size = size(png);
      if (size[0] != image.width() || size[1] != image.height()) {
        problems.add("image " + image.id() + ": " + png + " is " + size[0] + "x" + size[1] + " but "
            + Dataset.TRAIN_CSV + " says " + image.width() + "x" + image.height());
      }
    }
    if (!problems.isEmpty()) {
      int shown = Math.min(problems.size(), SHOWN);
      String more = problems.size() > shown ? "\n  ... and " + (problems.size() - shown) + " more" : "";
      throw new DatasetException(dataset.root() + ": " + problems.size() + " problem(s) with the train images:\n  "
          + String.join("\n  ", problems.subList(0, shown)) + more);
    }
  }

  /** Width and height from the file's header, without decoding the pixels. */
  static int[] size(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new DatasetException("not a readable image: " + file);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    }
  }
}
