package org.cellarena.model.proposal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cellarena.model.layers.Losses;

/**
 * The RPN's losses (mmdet {@code RPNHead.loss}): binary cross-entropy of the objectness of the sampled anchors and
 * L1 on the deltas of the positives, both averaged over the sampled anchors of the batch.
 */
public final class RpnLoss {
  private RpnLoss() {}

  /**
   * @param logits objectness logits {@code (B, N)}
   * @param deltas {@code (B, N, 4)}
   * @return {@code loss_rpn_cls} and {@code loss_rpn_bbox}
   */
  public static Map<String, NDArray> losses(NDArray logits, NDArray deltas, SampledAnchors t) {
    NDManager m = logits.getManager();
    float norm = Math.max(1, t.indices().length);
    long[] positives = t.positives();
    Map<String, NDArray> out = new LinkedHashMap<>();
    out.put("loss_rpn_cls", Losses.divide(Losses.bceWithLogitsSum(
        logits.reshape(-1).get(new NDIndex("{}", m.create(t.indices()))), m.create(t.labels())), norm));
    out.put("loss_rpn_bbox", positives.length == 0 ? m.zeros(new Shape()) : Losses.divide(Losses.l1Sum(
        deltas.reshape(-1, 4).get(new NDIndex("{}", m.create(positives))),
        m.create(t.deltas(), new Shape(positives.length, 4))), norm));
    return out;
  }
}
