package org.cellarena.scoring.metric;

import java.util.List;
import org.cellarena.scoring.rle.RunMask;

/**
 * Scores one image. At each threshold t: TP = cells with exactly one matching prediction, FN = cells with none,
 * FP = predictions with none; precision(t) = TP/(TP+FP+FN); the image score is the mean over the ten thresholds
 * (1 when there are neither cells nor predictions, 0 when only one side is empty).
 *
 * <p>The breakdown is taken at IoU 0.5. A prediction lies "mostly within" a cell when more than half of its
 * pixels are the cell's, and the other way round. A cell is <b>split</b> when it has no match and two or more
 * predictions lie mostly within it; a prediction is <b>merged</b> when it has no match and two or more cells lie
 * mostly within it. A cell without a match that is neither split nor inside a merged prediction is <b>missed</b>;
 * a prediction without a match that is neither merged nor inside a split cell is <b>spurious</b>.
 */
public final class ImageScorer {
  private ImageScorer() {}

  public static ImageResult score(List<RunMask> truth, List<RunMask> predicted) {
    Matching matching = Matching.of(truth, predicted);
    return new ImageResult(matching.counts(), matching.best(), Diagnosis.of(matching));
  }
}
