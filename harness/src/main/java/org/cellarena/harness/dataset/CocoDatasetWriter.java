package org.cellarena.harness.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.runtime.ProgressBar;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionWriter;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Turns COCO datasets (annotation JSON files plus an image folder, e.g. LIVECell's three files and its TIFFs) into
 * the Kaggle layout: {@code train.csv} and {@code train/<id>.png} (8 or 16 bit kept as read). Each image must exist,
 * once, under the folder ({@link ImageFolder}) with the size the JSON gives. Streams: the files are indexed first
 * (annotations parked on disk, in the output folder), then written image by image; train.csv appears only when
 * every image is in.
 */
public final class CocoDatasetWriter {
  private static final int PROBLEMS_SHOWN = 20;

  /** What an import wrote. */
  public record Imported(int images, long cells) {}

  private CocoDatasetWriter() {}

  public static Imported convert(List<Path> jsons, Path imageDir, Path out, String cellType, PrintStream progress)
      throws IOException {
    if (Files.exists(out.resolve(Dataset.TRAIN_CSV))) {
      throw new DataException(out + " already holds a dataset (" + Dataset.TRAIN_CSV + ")");
    }
    Files.createDirectories(out);
    ImageFolder folder = ImageFolder.index(imageDir, out);
    ProgressBar bar = new ProgressBar(progress);
    List<CocoIndex> indexes = new ArrayList<>();
    try {
      for (Path json : jsons) {
        bar.note("import-coco: reading " + json + " (" + Files.size(json) / (1 << 20) + " MB)");
        CocoIndex index = CocoImporter.index(json, out);
        indexes.add(index);
        bar.note("import-coco: " + json + ": " + index.images().size() + " images, " + index.annotationCount()
            + " annotations");
      }
      refuseRepeatedImages(indexes);
      return write(indexes, folder, out, cellType, bar);
    } finally {
      for (CocoIndex index : indexes) {
        index.close();
      }
    }
  }

  private static void refuseRepeatedImages(List<CocoIndex> indexes) throws DataException {
    Map<String, String> fileOf = new HashMap<>();
    for (CocoIndex index : indexes) {
      for (CocoIndex.Image image : index.images()) {
        String earlier = fileOf.putIfAbsent(image.id(), index.name());
        if (earlier != null) {
          throw new DataException("image " + image.id() + " is named twice: in " + earlier + " and in " + index.name());
        }
      }
    }
  }

  private static Imported write(List<CocoIndex> indexes, ImageFolder folder, Path out, String cellType,
      ProgressBar bar) throws IOException {
    Path trainDir = out.resolve(Dataset.TRAIN_DIR);
    Files.createDirectories(trainDir);
    OpenCv.load();
    Path partial = out.resolve(Dataset.TRAIN_CSV + ".partial");
    List<String> problems = new ArrayList<>();
    int problemCount = 0;
    int total = indexes.stream().mapToInt(i -> i.images().size()).sum();
    int done = 0;
    long cells = 0;
    long start = System.nanoTime();
    try {
      try (SolutionWriter csv = new SolutionWriter(partial, List.of(), false)) {
        for (CocoIndex index : indexes) {
          for (CocoIndex.Image entry : index.images()) {
            SolutionImage image = index.read(entry, cellType);
            String problem = copyPixels(image, folder, trainDir);
            if (problem != null && problemCount++ < PROBLEMS_SHOWN) {
              problems.add(problem);
            }
            csv.append(image);
            cells += image.cells().size();
            double seconds = (System.nanoTime() - start) / 1e9;
            done++;
            bar.update("import-coco", done, total, Map.of("cells", cells), done / seconds,
                seconds / done * (total - done), done == total);
          }
        }
      }
      bar.finish();
      if (problemCount > 0) {
        throw new DataException(problemCount + " problem(s) with the images:\n  " + String.join("\n  ", problems)
            + (problemCount > PROBLEMS_SHOWN ? "\n  ... and " + (problemCount - PROBLEMS_SHOWN) + " more" : ""));
      }
      Files.move(partial, out.resolve(Dataset.TRAIN_CSV), StandardCopyOption.ATOMIC_MOVE);
      return new Imported(done, cells);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Copies the image's pixels into train/ as PNG; a problem (what, where) when it cannot. */
  private static String copyPixels(SolutionImage image, ImageFolder folder, Path trainDir) throws IOException {
    List<Path> files = folder.find(image.id());
    if (files.size() != 1) {
      return "image " + image.id() + ": " + (files.isEmpty()
          ? "no file " + image.id() + ".* under " + folder.root() : "several files: " + files);
    }
    Path source = files.get(0);
    Mat pixels = Imgcodecs.imread(source.toString(), Imgcodecs.IMREAD_ANYDEPTH | Imgcodecs.IMREAD_GRAYSCALE);
    try {
      if (pixels.empty()) {
        return "image " + image.id() + ": cannot read " + source;
      }
      if (pixels.cols() != image.width() || pixels.rows() != image.height()) {
        return "image " + image.id() + ": " + source + " is " + pixels.cols() + "x" + pixels.rows()
            + " but the JSON says " + image.width() + "x" + image.height();
      }
      PngImages.write(trainDir.resolve(image.id() + ".png"), pixels);
      return null;
    } finally {
      pixels.release();
    }
  }
}
