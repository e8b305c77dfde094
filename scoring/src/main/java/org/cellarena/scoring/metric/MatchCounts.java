package org.cellarena.scoring.metric;

/** TP, FP and FN at each of the ten thresholds, and the image's cell and prediction counts. */
public record MatchCounts(int[] tp, int[] fp, int[] fn, int cells, int predictions) {
  /** precision(t_k) = TP/(TP+FP+FN); 1 for an image with neither cells nor predictions. */
  public double precision(int k) {
    if (cells == 0 && predictions == 0) {
      return 1.0;
    }
    int denominator = tp[k] + fp[k] + fn[k];
    return denominator == 0 ? 0.0 : (double) tp[k] / denominator;
  }

  /** The image's score: the mean precision over the ten thresholds. */
  public double score() {
    double sum = 0;
    for (int k = 0; k < Thresholds.COUNT; k++) {
      sum += precision(k);
    }
    return sum / Thresholds.COUNT;
  }
}
