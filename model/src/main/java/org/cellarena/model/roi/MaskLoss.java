package org.cellarena.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.cellarena.model.layers.Losses;

/**
 * The mask head's loss (mmdet {@code FCNMaskHead.loss}): binary cross-entropy of each positive's mask logits of its
 * own class against its mask target, averaged over the positives' pixels.
 */
public final class MaskLoss {
  private MaskLoss() {}

  /**
   * @param maskLogits {@code (P, numClasses, S, S)} for the positives of {@code t}, {@code P > 0}
   * @return {@code loss_mask}
   */
  public static NDArray loss(NDArray maskLogits, SampledRois t, int numClasses) {
    NDManager m = maskLogits.getManager();
    int size = (int) maskLogits.getShape().get(3);
    int[] labels = t.positiveLabels();
    long[] index = new long[labels.length];
    for (int p = 0; p < labels.length; p++) {
      index[p] = (long) p * numClasses + labels[p];
    }
    NDArray own = maskLogits.reshape(-1, size, size).get(new NDIndex("{}", m.create(index)));
    NDArray target = m.create(t.masks(), new Shape(labels.length, size, size));
    return Losses.divide(Losses.bceWithLogitsSum(own, target), (float) labels.length * size * size);
  }
}
