package org.cellarena.model.train;

import java.nio.file.Path;

/**
 * The outcome of a training run: the best validation mAP (NaN without validation images) and its epoch, the last
 * validation, the epochs trained in this run ({@code firstEpoch..lastEpoch}, 1-based, of the configuration's
 * {@code maxEpochs}; the last one complete or stopped by the time budget after {@code lastEpochIterations} of
 * {@code iterationsPerEpoch}), the iteration count reached, throughput, where the time went, and the work dir.
 */
public record TrainResult(double bestMap, int bestEpoch, ValidationResult lastValidation, int firstEpoch,
    int lastEpoch, int maxEpochs, boolean lastEpochComplete, int lastEpochIterations, int iterationsPerEpoch,
    long iterations, double imagesPerSecond, double trainSeconds, double validationSeconds, double wallSeconds,
    Path workDir) {

  /** The one-line summary {@code train} prints; the same figures as the work dir's latest.json and best.json. */
  public String summary() {
    StringBuilder s = new StringBuilder("trained ");
    if (lastEpoch < firstEpoch) {
      s.append("nothing (the configuration's ").append(maxEpochs).append(" epochs were done already)");
    } else {
      s.append(firstEpoch == lastEpoch ? "epoch " + lastEpoch : "epochs " + firstEpoch + "-" + lastEpoch)
          .append(lastEpoch <= maxEpochs ? " of " + maxEpochs : " (the time budget's; the configuration has " + maxEpochs + ")");
      if (!lastEpochComplete) {
        s.append(" (epoch ").append(lastEpoch).append(" stopped by the time budget after ")
            .append(lastEpochIterations).append(" of ").append(iterationsPerEpoch).append(" iterations)");
      }
    }
    s.append(", ").append(iterations).append(" iterations, in ").append(Figures.duration(wallSeconds))
        .append(" (training ").append(Figures.duration(trainSeconds)).append(" at ").append(Figures.sig3(imagesPerSecond))
        .append(" images/s, validation and checkpoints ").append(Figures.duration(validationSeconds)).append("); ");
    s.append(Double.isNaN(bestMap) ? "no validation images"
        : "best val mAP " + Figures.sig3(bestMap) + " at epoch " + bestEpoch);
    return s.append("; checkpoints in ").append(workDir).toString();
  }
}
