package org.cellarena.model.train;

import java.util.Map;
import org.cellarena.model.predict.Thresholds;

/** Validation mAP (competition metric) overall and per cell type, at the thresholds that maximised it. */
public record ValidationResult(double map, Map<String, Double> perType, Thresholds thresholds, int images,
    double seconds) {}
