package org.cellarena.model.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.model.pretrained.WeightsException;
import org.cellarena.scoring.io.InvalidFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cellarena predict}: a checkpoint and a folder of PNGs to a submission CSV, valid by construction. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {"Predict a folder of PNGs with a trained model into a valid submission.",
        "The submission: id,predicted, a row per cell, an empty row for an image without cells, no overlapping"
            + " masks; the scoring module validates it before it is written."})
public final class PredictCommand implements Callable<Integer> {
  @Option(names = "--checkpoint", paramLabel = "W", required = true, description = "a training work dir (its best checkpoint) or one .params file")
  Path checkpoint;

  @Option(names = "--images", paramLabel = "DIR", required = true, description = "folder of .png images")
  Path images;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "submission file (.csv or .csv.gz)")
  Path out;

  @Option(names = "--tta", negatable = true, description = "test-time augmentation: horizontal and vertical flips,"
      + " averaged as mmdet does (default: the config's data.test_flip, which also decides whether validation tuned"
      + " the thresholds with flips)")
  Boolean tta;

  @Option(names = "--score-threshold", paramLabel = "S", description = "minimum detection score (default: tuned on validation)")
  Float score;

  @Option(names = "--mask-threshold", paramLabel = "M", description = "mask probability threshold (default: tuned on validation)")
  Float mask;

  @Option(names = "--min-area", paramLabel = "PIXELS", description = "minimum cell area in pixels after overlap removal (default: the checkpoint's)")
  Integer minArea;

  @Option(names = "--max-detections", paramLabel = "N", description = "detections per image at most (default ${DEFAULT-VALUE})", defaultValue = "1000")
  int maxDetections;

  @Override
  public Integer call() throws Exception {
    try {
      FolderPrediction.Summary s = FolderPrediction.run(checkpoint, images, out,
          new FolderPrediction.Settings(tta, score, mask, minArea, maxDetections), System.err);
      System.out.printf("wrote %s: %d images, %d cells, %.2f images/s (score >= %.2f, mask >= %.2f%s)%n", s.out(),
          s.images(), s.cells(), s.imagesPerSecond(), s.thresholds().score(), s.thresholds().mask(),
          s.tta() ? ", flip TTA" : "");
      return 0;
    } catch (ConfigException | IllegalArgumentException | WeightsException e) {
      System.err.println("cellarena predict: " + e.getMessage());
      return 2;
    } catch (InvalidFileException e) {
      System.err.println("cellarena predict: the submission failed validation: " + e.getMessage());
      return 1;
    }
  }
}
