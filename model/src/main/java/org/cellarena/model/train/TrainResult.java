package org.cellarena.model.train;

import java.nio.file.Path;
import org.cellarena.model.runtime.Figures;
import org.cellarena.model.validate.ValidationResult;

/**
 * The outcome of a training run: the best validation mAP (NaN without validation images) and its epoch, the last
 * validation, the epochs trained in this run ({@code firstEpoch..lastEpoch}, 1-based, of the configuration's
 * {@code maxEpochs} or under the {@code budget} (empty for none); the last one complete or stopped after
 * {@code lastEpochIterations} of {@code iterationsPerEpoch}), what cut the run short ({@code stoppedBy}: the
 * wall-clock cap or a stop signal, null when it ran as planned), the iteration count reached, the steps skipped
 * for a non-finite gradient, throughput, where the time went, and the work dir.
 */
public record TrainResult(double bestMap, int bestEpoch, ValidationResult lastValidation, int firstEpoch,
    int lastEpoch, int maxEpochs, String budget, String stoppedBy, boolean lastEpochComplete,
    int lastEpochIterations, int iterationsPerEpoch, long iterations, int skippedSteps, double imagesPerSecond,
    double trainSeconds, double validationSeconds, double wallSeconds, Path workDir) {

  /** True when a stop signal ended the run: nothing after it (a submission) should start. */
  public boolean signalled() {
    return stoppedBy != null && stoppedBy.startsWith("a stop");
  }

  /** The summary {@code train} prints, four short lines; the same figures as the work dir's latest.json and best.json. */
  public String summary() {
    StringBuilder s = new StringBuilder("trained ");
    if (lastEpoch < firstEpoch) {
      s.append("nothing (the configuration's ").append(maxEpochs).append(" epochs were done already)");
    } else {
      s.append(firstEpoch == lastEpoch ? "epoch " + lastEpoch : "epochs " + firstEpoch + "-" + lastEpoch)
          .append(budget.isEmpty() ? " of " + maxEpochs : " under a budget of " + budget);
      if (stoppedBy != null || !lastEpochComplete) {
        s.append(" (").append(stoppedBy != null ? stoppedBy + " stopped" : "stopped").append(" epoch ")
            .append(lastEpoch).append(" after ").append(lastEpochIterations).append(" of ").append(iterationsPerEpoch)
            .append(" iterations)");
      }
    }
    s.append(", ").append(iterations).append(iterations == 1 ? " iteration, in " : " iterations, in ").append(Figures.duration(wallSeconds));
    s.append("\n  training ").append(Figures.duration(trainSeconds)).append(" at ").append(Figures.sig3(imagesPerSecond))
        .append(" images/s, validation and checkpoints ").append(Figures.duration(validationSeconds));
    if (skippedSteps > 0) {
      s.append("; ").append(skippedSteps).append(skippedSteps == 1 ? " step" : " steps")
          .append(" skipped for a non-finite gradient");
    }
    s.append("\n  ").append(Double.isNaN(bestMap) ? "no validation images"
        : "best val mAP " + Figures.sig3(bestMap) + " at epoch " + bestEpoch);
    return s.append("\n  checkpoints in ").append(workDir).toString();
  }
}
