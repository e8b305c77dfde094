package org.cellarena.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cellarena.model.layers.Losses;

/**
 * The box head's losses (mmdet {@code BBoxHead.loss}): softmax cross-entropy over {@code numClasses + 1} classes on
 * every sampled RoI, and L1 on the class-specific deltas of the positives, both averaged over the sampled RoIs.
 */
public final class BoxLoss {
  private BoxLoss() {}

  /**
   * @param classLogits {@code (R, numClasses + 1)} for the RoIs of {@code t}
   * @param deltas {@code (R, 4 * numClasses)}
   * @return {@code loss_cls} and {@code loss_bbox}
   */
  public static Map<String, NDArray> losses(NDArray classLogits, NDArray deltas, SampledRois t, int numClasses) {
    NDManager m = classLogits.getManager();
    int[] labels = t.labels();
    long[] classIndex = new long[labels.length];
    for (int r = 0; r < labels.length; r++) {
      classIndex[r] = (long) r * (numClasses + 1) + labels[r];
    }
    int[] rows = t.positiveRows();
    long[] deltaIndex = new long[rows.length];
    for (int p = 0; p < rows.length; p++) {
      deltaIndex[p] = (long) rows[p] * numClasses + labels[rows[p]];
    }
    float norm = Math.max(1, labels.length);
    Map<String, NDArray> out = new LinkedHashMap<>();
    out.put("loss_cls", Losses.divide(Losses.crossEntropySum(classLogits, m.create(classIndex)), norm));
    out.put("loss_bbox", rows.length == 0 ? m.zeros(new Shape()) : Losses.divide(Losses.l1Sum(
        deltas.reshape(-1, 4).get(new NDIndex("{}", m.create(deltaIndex))),
        m.create(t.deltas(), new Shape(rows.length, 4))), norm));
    return out;
  }
}
