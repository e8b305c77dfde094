package org.cellarena.model.structures;

/**
 * mmdet's {@code MaxIoUAssigner}: each box gets the ground truth it overlaps most when that IoU reaches
 * {@code posIou}, is negative below {@code negIou}, ignored in between; with low-quality matching every ground
 * truth also claims the boxes that overlap it best (all ties) when that IoU reaches {@code minPosIou}.
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
   * Assigns boxes given the IoU matrix {@code iou[g * numBoxes + b]} (ground truths in rows).
   *
   * @return per box: the index of its ground truth, {@link #NEGATIVE} or {@link #IGNORE}
   */
  public int[] assign(float[] iou, int numGt, int numBoxes) {
    int[] assigned = new int[numBoxes];
    if (numGt == 0) {
      java.util.Arrays.fill(assigned, NEGATIVE);
      return assigned;
    }
    float[] maxIou = new float[numBoxes];
    int[] argmax = new int[numBoxes];
    java.util.Arrays.fill(maxIou, -1f);
    for (int g = 0; g < numGt; g++) {
      int row = g * numBoxes;
      for (int b = 0; b < numBoxes; b++) {
        if (iou[row + b] > maxIou[b]) {
          maxIou[b] = iou[row + b];
          argmax[b] = g;
        }
      }
    }
    for (int b = 0; b < numBoxes; b++) {
      if (maxIou[b] >= posIou) {
        assigned[b] = argmax[b];
      } else if (maxIou[b] >= 0f && maxIou[b] < negIou) {
        assigned[b] = NEGATIVE;
      } else {
        assigned[b] = IGNORE;
      }
    }
    if (matchLowQuality) {
      for (int g = 0; g < numGt; g++) {
        int row = g * numBoxes;
        float best = 0f;
        for (int b = 0; b < numBoxes; b++) {
          best = Math.max(best, iou[row + b]);
        }
        if (best >= minPosIou && best > 0f) {
          for (int b = 0; b < numBoxes; b++) {
            if (iou[row + b] == best) {
              assigned[b] = g;
            }
          }
        }
      }
    }
    return assigned;
  }
}
