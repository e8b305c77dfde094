package org.cellarena.model.validate;

import java.util.Map;
import org.cellarena.model.predict.PredictionThresholds;

/**
 * Validation mAP (competition metric) overall and per cell type, each half of the images scored at the thresholds
 * tuned on the other; {@code tunedMap} is the score of all of them at {@code thresholds}, tuned on all of them
 * (what {@code predict} uses, optimistic as a measure).
 */
public record ValidationResult(double map, Map<String, Double> perType, double tunedMap,
    PredictionThresholds thresholds, int images, double seconds) {}
