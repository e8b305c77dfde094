package org.cellarena.scoring.metric;

/**
 * The metric on one image: the score (mean precision over the ten thresholds), TP/FP/FN per threshold, the error
 * breakdown at IoU 0.5 (its counts, and per cell and per prediction its {@link Outcome}), and per cell and per
 * prediction the best IoU and its partner (-1 when none overlaps).
 * {@code id}, {@code cellType} and {@code usage} are null when the image was scored on its own.
 */
public record ImageResult(
    String id, String cellType, org.cellarena.scoring.io.Usage usage, double score,
    int[] tp, int[] fp, int[] fn, int cells, int predictions,
    int missed, int spurious, int split, int merged,
    double[] cellBestIou, int[] cellBestPrediction, double[] predictionBestIou, int[] predictionBestCell,
    Outcome[] cellOutcomes, Outcome[] predictionOutcomes) {

  /** precision(t_k) = TP/(TP+FP+FN); 1 for an image with neither cells nor predictions. */
  public double precision(int k) {
    if (cells == 0 && predictions == 0) {
      return 1.0;
    }
    int denominator = tp[k] + fp[k] + fn[k];
    return denominator == 0 ? 0.0 : (double) tp[k] / denominator;
  }

  /** The same result labelled with its image. */
  public ImageResult labelled(String id, String cellType, org.cellarena.scoring.io.Usage usage) {
    return new ImageResult(id, cellType, usage, score, tp, fp, fn, cells, predictions, missed, spurious, split,
        merged, cellBestIou, cellBestPrediction, predictionBestIou, predictionBestCell, cellOutcomes,
        predictionOutcomes);
  }
}
