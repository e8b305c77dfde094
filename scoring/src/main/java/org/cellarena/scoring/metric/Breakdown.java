package org.cellarena.scoring.metric;

/** The error breakdown at IoU 0.5 (see {@link ImageScorer}): its counts, and each cell's and prediction's outcome. */
public record Breakdown(int missed, int spurious, int split, int merged, Outcome[] cellOutcomes,
    Outcome[] predictionOutcomes) {}
