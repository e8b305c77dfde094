package org.cellarena.scoring.metric;

/** Per cell and per prediction the best IoU and its partner (-1 when nothing overlaps it). */
public record BestMatches(double[] cellBestIou, int[] cellBestPrediction, double[] predictionBestIou,
    int[] predictionBestCell) {}
