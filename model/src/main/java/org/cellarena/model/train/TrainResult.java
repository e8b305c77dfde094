package org.cellarena.model.train;

import java.nio.file.Path;

/**
 * The outcome of a training run: the best validation mAP (NaN without validation images) and its epoch, the last
 * validation, iterations and epochs done, training throughput, and the work dir holding the checkpoints.
 */
public record TrainResult(double bestMap, int bestEpoch, ValidationResult lastValidation, long iterations,
    int epochsDone, double imagesPerSecond, double trainSeconds, Path workDir) {}
