package org.cellarena.model.structures;

/**
 * mmdet's {@code MaxIoUAssigner}: each box gets the ground truth it overlaps most when that IoU reaches
 * {@code posIou}, is negative below {@code negIou}, ignored in between; with low-quality matching every ground
 * truth also claims the boxes that overlap it best (all ties) when that IoU reaches {@code minPosIou}. Works on the
 * non-zero IoUs only ({@link SparseIou}): a box that overlaps nothing has IoU 0 with every ground truth.
 */
public final class MaxIoUAssigner {
  /** Assignment of a box that is neither positive nor negative. */
  public static final int IGNORE = -2;
  /** Assignment of a negative (background) box. */
  public static final int NEGATIVE = -1;

  private final float posIou;
  private final float negIou;
  private final float minPosIou;
  private final boolean matchLowQuality;

  public MaxIoUAssigner(float posIou, float negIou, float minPosIou, boolean matchLowQuality) {
    this.posIou = posIou;
    this.negIou = negIou;
    this.minPosIou = minPosIou;
    this.matchLowQuality = matchLowQuality;
  }

  /**
   * Assigns boxes given the dense IoU matrix {@code iou[g * numBoxes + b]} (ground truths in rows).
   *
   * @return per box: the index of its ground truth, {@link #NEGATIVE} or {@link #IGNORE}
   */
  public int[] assign(float[] iou, int numGt, int numBoxes) {
    return assign(SparseIou.ofDense(iou, numGt, numBoxes));
  }

  /** Assigns boxes given the non-zero IoUs; as {@link #assign(float[], int, int)}. */
  public int[] assign(SparseIou o) {
    int n = o.numBoxes();
    int[] assigned = new int[n];
    float[] maxIou = new float[n]; // 0 where nothing overlaps
    int[] argmax = new int[n];
    // rows in ground-truth order with a strict >: the first ground truth of the largest IoU wins, as argmax
    for (int g = 0; g < o.numGt(); g++) {
      for (int e = o.rowStart()[g]; e < o.rowStart()[g + 1]; e++) {
        int b = o.box()[e];
        if (o.iou()[e] > maxIou[b]) {
          maxIou[b] = o.iou()[e];
          argmax[b] = g;
        }
      }
    }
    for (int b = 0; b < n; b++) {
      if (o.numGt() > 0 && maxIou[b] >= posIou) {
        assigned[b] = argmax[b];
      } else if (o.numGt() == 0 || maxIou[b] < negIou) {
        assigned[b] = NEGATIVE;
      } else {
        assigned[b] = IGNORE;
      }
    }
    if (matchLowQuality) {
      // later ground truths overwrite earlier ones, as mmdet's loop over them
      for (int g = 0; g < o.numGt(); g++) {
        float best = 0f;
        for (int e = o.rowStart()[g]; e < o.rowStart()[g + 1]; e++) {
          best = Math.max(best, o.iou()[e]);
        }
        if (best >= minPosIou && best > 0f) {
          for (int e = o.rowStart()[g]; e < o.rowStart()[g + 1]; e++) {
            if (o.iou()[e] == best) {
              assigned[o.box()[e]] = g;
            }
          }
        }
      }
    }
    return assigned;
  }
}
