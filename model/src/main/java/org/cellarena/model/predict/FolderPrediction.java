package org.cellarena.model.predict;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.runtime.EngineInfo;
import org.cellarena.model.runtime.EngineLogging;
import org.cellarena.model.runtime.ProgressBar;
import org.cellarena.model.runtime.StopSignal;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.SubmissionWriter;
import org.cellarena.scoring.io.SubmissionWriter.PredictedImage;

/**
 * Predicts PNG images with a checkpoint and writes a validated submission: detection, mask pasting, thresholds,
 * overlap removal, RLE. A folder's images ({@code cellarena predict}) and a list of images (a server running a
 * submitted model) go through the same loop, and the rows are written in file-name order, so that a list's CSV
 * equals byte for byte the one of a folder holding those images.
 */
public final class FolderPrediction {
  private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

  private FolderPrediction() {}

  /** Told after each image; false stops the prediction (nothing is written). */
  @FunctionalInterface
  public interface ImageDone {
    boolean imageDone(int done, int total);
  }

  /**
   * How to predict: flip TTA when {@code tta} says so, or when null as the configuration's {@code data.test_flip}
   * does; thresholds from the checkpoint (tuned on validation), each overridden when not null.
   */
  public record Settings(Boolean tta, Float score, Float mask, Integer minArea, int maxDetections) {
    /** What {@code cellarena predict} does without options. */
    public static final Settings DEFAULTS = new Settings(null, null, null, null, 1000);
  }

  /** What was written, how long the images took (model loading excluded) and what ran them. */
  public record Summary(Path out, int images, int cells, double seconds, PredictionThresholds thresholds,
      boolean tta, String device, String engine) {
    public double imagesPerSecond() {
      return images / seconds;
    }
  }

  public static Summary run(Path checkpoint, Path imagesDir, Path out, Boolean tta, PrintStream progress)
      throws IOException, InvalidFileException {
    return run(checkpoint, imagesDir, out, new Settings(tta, null, null, null, 1000), progress);
  }

  /** Predicts every PNG of {@code imagesDir}; the progress bar and notes go to {@code progress}, or nowhere. */
  public static Summary run(Path checkpoint, Path imagesDir, Path out, Settings settings, PrintStream progress)
      throws IOException, InvalidFileException {
    if (!Files.isDirectory(imagesDir)) {
      throw new IllegalArgumentException("image folder not found: " + imagesDir);
    }
    List<Path> pngs;
    try (Stream<Path> s = Files.list(imagesDir)) {
      pngs = s.filter(FolderPrediction::isPng).sorted(BY_NAME).toList();
    }
    if (pngs.isEmpty()) {
      throw new IllegalArgumentException("no .png images in " + imagesDir);
    }
    try (StopSignal.Guard engineWork = StopSignal.guard()) {
      return predict(checkpoint, pngs, out, settings, progress, (done, total) -> true);
    } catch (PredictionStoppedException e) {
      throw new IllegalStateException("a folder's prediction is never stopped by a callback", e);
    }
  }

  /**
   * Predicts these PNGs in the order given with {@code cellarena predict}'s defaults, calling {@code imageDone}
   * after each; the CSV equals the one {@code predict --checkpoint} writes for a folder holding them.
   *
   * @throws PredictionStoppedException when {@code imageDone} returned false (nothing is written)
   */
  public static Summary run(Path checkpoint, List<Path> images, Path out, ImageDone imageDone)
      throws IOException, InvalidFileException, PredictionStoppedException {
    Set<String> names = new HashSet<>();
    for (Path p : images) {
      if (!isPng(p) || !Files.isRegularFile(p)) {
        throw new IllegalArgumentException("not a .png image: " + p.getFileName());
      }
      if (!names.add(p.getFileName().toString())) {
        throw new IllegalArgumentException("two images are named " + p.getFileName());
      }
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images to predict");
    }
    return predict(checkpoint, images, out, Settings.DEFAULTS, null, imageDone);
  }

  private static Summary predict(Path checkpoint, List<Path> pngs, Path out, Settings settings, PrintStream progress,
      ImageDone imageDone) throws IOException, InvalidFileException, PredictionStoppedException {
    EngineLogging.apply();
    try (NDManager manager = NDManager.newBaseManager()) {
      LoadedModel loaded = LoadedModel.load(checkpoint, manager, settings.maxDetections());
      PredictionThresholds t = thresholds(loaded, settings);
      boolean flips = settings.tta() != null ? settings.tta() : loaded.config().data().testFlip();
      noteOtherTuning(loaded, flips, settings, progress);
      Predictor predictor = new Predictor(loaded.model(), manager, loaded.config().data().testScale(), flips);
      ProgressBar bar = progress == null ? null : new ProgressBar(progress);
      Map<String, PredictedImage> byName = new TreeMap<>();
      long t0 = System.nanoTime();
      int cells = 0;
      for (int i = 0; i < pngs.size(); i++) {
        Path p = pngs.get(i);
        GrayImage img = GrayImage.read(p);
        var selected = InstanceSelector.select(predictor.predict(img), t, img.width, img.height);
        cells += selected.size();
        byName.put(p.getFileName().toString(), new PredictedImage(id(p), img.width, img.height, selected));
        double secs = (System.nanoTime() - t0) / 1e9;
        if (bar != null) {
          bar.update("predict", i + 1, pngs.size(), Map.of("cells", cells), (i + 1) / secs,
              (pngs.size() - i - 1) * secs / (i + 1), i + 1 == pngs.size());
        }
        if (!imageDone.imageDone(i + 1, pngs.size())) {
          throw new PredictionStoppedException(i + 1, pngs.size());
        }
      }
      if (bar != null) {
        bar.finish();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      SubmissionWriter.writeChecked(out, List.copyOf(byName.values()));
      return new Summary(out, pngs.size(), cells, seconds, t, flips, EngineInfo.deviceName(),
          EngineInfo.engineName());
    }
  }

  private static PredictionThresholds thresholds(LoadedModel loaded, Settings s) {
    PredictionThresholds l = loaded.thresholds();
    return new PredictionThresholds(s.score() != null ? s.score() : l.score(), s.mask() != null ? s.mask() : l.mask(),
        s.minArea() != null ? s.minArea() : l.minArea(), s.score() != null ? null : l.classScores());
  }

  private static void noteOtherTuning(LoadedModel loaded, boolean flips, Settings s, PrintStream progress) {
    boolean tunedOtherwise = loaded.thresholdsTta() != null && flips != loaded.thresholdsTta();
    if (tunedOtherwise && progress != null && (s.score() == null || s.mask() == null)) {
      progress.println("note: the checkpoint's thresholds were tuned " + (loaded.thresholdsTta() ? "with" : "without")
          + " flip TTA and this prediction runs " + (flips ? "with" : "without") + " it; they may not be the best"
          + " (data.test_flip " + flips + " in the config makes validation tune them " + (flips ? "with" : "without")
          + " it)");
    }
  }

  private static boolean isPng(Path p) {
    return p.getFileName().toString().toLowerCase().endsWith(".png");
  }

  private static String id(Path png) {
    return png.getFileName().toString().replaceFirst("(?i)\\.png$", "");
  }
}
