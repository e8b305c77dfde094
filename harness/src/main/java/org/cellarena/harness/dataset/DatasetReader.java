package org.cellarena.harness.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;

/**
 * Reads a dataset in the Kaggle layout and checks it: {@code train.csv} through the scoring module's reader (a bad
 * RLE is reported with its line and image id), and each labelled image present with the size train.csv gives.
 */
public final class DatasetReader {
  private DatasetReader() {}

  public static Dataset read(Path root) throws IOException, InvalidFileException {
    if (!Files.isDirectory(root)) {
      throw new DataException("no dataset folder " + root);
    }
    Path csv = root.resolve(Dataset.TRAIN_CSV);
    if (!Files.isRegularFile(csv)) {
      throw new DataException("no " + Dataset.TRAIN_CSV + " in " + root + " (expected the Kaggle layout: "
          + "train.csv, train/<id>.png, optional test/ and train_semi_supervised/)");
    }
    Solution train = SolutionReader.read(csv);
    Dataset dataset = new Dataset(root, train, pngIds(root.resolve(Dataset.TEST_DIR)),
        pngIds(root.resolve(Dataset.UNLABELED_DIR)));
    checkImages(dataset);
    return dataset;
  }

  /** Every labelled image exists and its PNG header has train.csv's width and height. */
  static void checkImages(Dataset dataset) throws IOException {
    List<String> problems = new ArrayList<>();
    for (SolutionImage image : dataset.images()) {
      Path png = dataset.trainImage(image.id());
      if (!Files.isRegularFile(png)) {
        problems.add("image " + image.id() + ": missing " + png);
        continue;
      }
      int[] size = PngImages.size(png);
      if (size[0] != image.width() || size[1] != image.height()) {
        problems.add("image " + image.id() + ": " + png + " is " + size[0] + "x" + size[1] + " but "
            + Dataset.TRAIN_CSV + " says " + image.width() + "x" + image.height());
      }
    }
    if (!problems.isEmpty()) {
      int shown = Math.min(problems.size(), 20);
      String more = problems.size() > shown ? "\n  ... and " + (problems.size() - shown) + " more" : "";
      throw new DataException(dataset.root() + ": " + problems.size() + " problem(s) with the train images:\n  "
          + String.join("\n  ", problems.subList(0, shown)) + more);
    }
  }

  /** The ids (file names without .png) of the PNGs in a folder, sorted; empty when the folder is absent. */
  public static List<String> pngIds(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.toLowerCase().endsWith(".png"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    }
  }
}
