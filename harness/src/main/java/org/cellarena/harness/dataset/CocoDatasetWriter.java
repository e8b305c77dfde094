package org.cellarena.harness.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cellarena.scoring.io.SolutionImage;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Turns a COCO dataset (annotation JSON plus an image folder, e.g. LIVECell's TIFFs) into the Kaggle layout:
 * {@code train.csv} and {@code train/<id>.png} (8 or 16 bit kept as read). Each image must exist with the size
 * the JSON gives.
 */
public final class CocoDatasetWriter {
  private CocoDatasetWriter() {}

  public static List<SolutionImage> convert(Path json, Path imageDir, Path out, String cellType, PrintStream progress)
      throws IOException {
    if (Files.exists(out.resolve(Dataset.TRAIN_CSV))) {
      throw new DataException(out + " already holds a dataset (" + Dataset.TRAIN_CSV + ")");
    }
    List<SolutionImage> images = CocoImporter.read(json, cellType);
    Path trainDir = out.resolve(Dataset.TRAIN_DIR);
    Files.createDirectories(trainDir);
    OpenCv.load();
    List<String> problems = new ArrayList<>();
    int done = 0;
    for (SolutionImage image : images) {
      Path source = find(imageDir, image.id());
      if (source == null) {
        problems.add("image " + image.id() + ": no file " + image.id() + ".* in " + imageDir);
        continue;
      }
      Mat pixels = Imgcodecs.imread(source.toString(), Imgcodecs.IMREAD_ANYDEPTH | Imgcodecs.IMREAD_GRAYSCALE);
      if (pixels.empty()) {
        problems.add("image " + image.id() + ": cannot read " + source);
      } else if (pixels.cols() != image.width() || pixels.rows() != image.height()) {
        problems.add("image " + image.id() + ": " + source + " is " + pixels.cols() + "x" + pixels.rows()
            + " but the JSON says " + image.width() + "x" + image.height());
      } else {
        PngImages.write(trainDir.resolve(image.id() + ".png"), pixels);
      }
      pixels.release();
      if (progress != null && ++done % 50 == 0) {
        progress.printf("import-coco: %d/%d images%n", done, images.size());
      }
    }
    if (!problems.isEmpty()) {
      throw new DataException(problems.size() + " problem(s) with the images:\n  "
          + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
          + (problems.size() > 20 ? "\n  ... and " + (problems.size() - 20) + " more" : ""));
    }
    TrainCsvWriter.write(out.resolve(Dataset.TRAIN_CSV), images, false);
    return images;
  }

  /** The file {@code id.<any extension>} in {@code dir}, or null. */
  private static Path find(Path dir, String id) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(id + ".") && name.indexOf('.', id.length() + 1) < 0;
      }).findFirst().orElse(null);
    }
  }
}
