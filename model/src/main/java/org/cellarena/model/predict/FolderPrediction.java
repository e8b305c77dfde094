package org.cellarena.model.predict;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.runtime.EngineLogging;
import org.cellarena.model.runtime.ProgressBar;
import org.cellarena.model.runtime.StopSignal;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.SubmissionWriter;
import org.cellarena.scoring.io.SubmissionWriter.PredictedImage;

/**
 * Predicts every PNG of a folder with a checkpoint and writes a validated submission: detection, mask pasting,
 * thresholds, overlap removal, RLE.
 */
public final class FolderPrediction {
  private FolderPrediction() {}

  /**
   * Predicts with thresholds from the checkpoint (tuned on validation), each overridden when not null; flip TTA
   * when {@code tta} says so, or when null as the configuration's {@code data.test_flip} does.
   */
  public static Summary run(Path checkpoint, Path imagesDir, Path out, Boolean tta, PrintStream progress)
      throws IOException, InvalidFileException {
    return run(checkpoint, imagesDir, out, tta, null, null, null, 1000, progress);
  }

  /** What was written. */
  public record Summary(Path out, int images, int cells, double imagesPerSecond, PredictionThresholds thresholds,
      boolean tta) {}

  public static Summary run(Path checkpoint, Path imagesDir, Path out, Boolean tta, Float score, Float mask,
      Integer minArea, int maxDetections, PrintStream progress) throws IOException, InvalidFileException {
    if (!Files.isDirectory(imagesDir)) {
      throw new IllegalArgumentException("image folder not found: " + imagesDir);
    }
    List<Path> pngs;
    try (Stream<Path> s = Files.list(imagesDir)) {
      pngs = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png")).sorted().toList();
    }
    if (pngs.isEmpty()) {
      throw new IllegalArgumentException("no .png images in " + imagesDir);
    }
    EngineLogging.apply();
    try (StopSignal.Guard engineWork = StopSignal.guard(); NDManager manager = NDManager.newBaseManager()) {
      LoadedModel loaded = LoadedModel.load(checkpoint, manager, maxDetections);
      PredictionThresholds l = loaded.thresholds();
      PredictionThresholds t = new PredictionThresholds(score != null ? score : l.score(),
          mask != null ? mask : l.mask(), minArea != null ? minArea : l.minArea(),
          score != null ? null : l.classScores());
      boolean flips = tta != null ? tta : loaded.config().data().testFlip();
      boolean tunedOtherwise = loaded.thresholdsTta() != null && flips != loaded.thresholdsTta();
      if (tunedOtherwise && progress != null && (score == null || mask == null)) {
        progress.println("note: the checkpoint's thresholds were tuned " + (loaded.thresholdsTta() ? "with" : "without")
            + " flip TTA and this prediction runs " + (flips ? "with" : "without") + " it; they may not be the best"
            + " (data.test_flip " + flips + " in the config makes validation tune them " + (flips ? "with" : "without")
            + " it)");
      }
      Predictor predictor = new Predictor(loaded.model(), manager, loaded.config().data().testScale(), flips);
      ProgressBar bar = progress == null ? null : new ProgressBar(progress);
      List<PredictedImage> preds = new ArrayList<>();
      long t0 = System.nanoTime();
      int cells = 0;
      for (int i = 0; i < pngs.size(); i++) {
        Path p = pngs.get(i);
        GrayImage img = GrayImage.read(p);
        List<PastedMask> masks = predictor.predict(img);
        var selected = InstanceSelector.select(masks, t, img.width, img.height);
        cells += selected.size();
        String id = p.getFileName().toString().replaceFirst("(?i)\\.png$", "");
        preds.add(new PredictedImage(id, img.width, img.height, selected));
        double secs = (System.nanoTime() - t0) / 1e9;
        if (bar != null) {
          bar.update("predict", i + 1, pngs.size(), Map.of("cells", cells), (i + 1) / secs,
              (pngs.size() - i - 1) * secs / (i + 1), i + 1 == pngs.size());
        }
      }
      if (bar != null) {
        bar.finish();
      }
      double ips = pngs.size() / ((System.nanoTime() - t0) / 1e9);
      SubmissionWriter.writeChecked(out, preds);
      return new Summary(out, pngs.size(), cells, ips, t, flips);
    }
  }
}
