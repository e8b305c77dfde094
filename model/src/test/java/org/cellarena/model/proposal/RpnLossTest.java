package org.cellarena.model.proposal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.cellarena.model.ReferenceLosses.bce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RPN losses of a two-image batch with three anchors per image, worked out from the design: BCE-with-logits over
 * the sampled anchors and L1 on the positives' deltas, both divided by the number of sampled anchors.
 */
class RpnLossTest {

  @Test
  void anchorIndicesAreFlatOverTheBatchAndBothLossesAverageOverTheSampledAnchors() {
    // image 0 samples anchors 1 (positive) and 2; image 1 samples anchor 0 (positive) and 2
    RpnTargets.Targets first = new RpnTargets.Targets(new int[] {1, 2}, new float[] {1, 0}, new int[] {1},
        new float[] {0.1f, -0.2f, 0.3f, 0f});
    RpnTargets.Targets second = new RpnTargets.Targets(new int[] {0, 2}, new float[] {1, 0}, new int[] {0},
        new float[] {0f, 0.5f, -0.5f, 1f});
    SampledAnchors t = SampledAnchors.of(List.of(first, second), 3);
    assertArrayEquals(new long[] {1, 2, 3, 5}, t.indices());
    assertArrayEquals(new long[] {1, 3}, t.positives());

    float[] logits = {9f, 2f, -1f, 0.5f, 9f, -3f}; // (2, 3); the 9s are not sampled
    float[] deltas = new float[2 * 3 * 4];
    float[] d1 = {0.2f, -0.2f, 0.1f, 0.5f}; // image 0, anchor 1
    float[] d3 = {0f, 0f, 0f, 0f}; // image 1, anchor 0
    System.arraycopy(d1, 0, deltas, 4, 4);
    System.arraycopy(d3, 0, deltas, 12, 4);
    deltas[0] = 50f; // not a positive: no effect
    double cls = (bce(2, 1) + bce(-1, 0) + bce(0.5, 1) + bce(-3, 0)) / 4;
    // |0.2-0.1| + 0 + |0.1-0.3| + |0.5-0| = 0.8; |0| + |0-0.5| + |0+0.5| + |0-1| = 2
    double bbox = (0.8 + 2.0) / 4;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray lg = m.create(logits, new Shape(2, 3));
      NDArray dl = m.create(deltas, new Shape(2, 3, 4));
      Map<String, NDArray> out = RpnLoss.losses(lg, dl, t);
      assertEquals(List.of("loss_rpn_cls", "loss_rpn_bbox"), List.copyOf(out.keySet()));
      assertEquals(cls, out.get("loss_rpn_cls").getFloat(), 1e-6);
      assertEquals(bbox, out.get("loss_rpn_bbox").getFloat(), 1e-6);
    }
  }

  @Test
  void withoutPositivesTheBoxLossIsZero() {
    RpnTargets.Targets none = new RpnTargets.Targets(new int[] {0}, new float[] {0}, new int[0], new float[0]);
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> out = RpnLoss.losses(m.create(new float[] {1f}, new Shape(1, 1)), m.zeros(new Shape(1, 1, 4)),
          SampledAnchors.of(List.of(none), 1));
      assertEquals(bce(1, 0), out.get("loss_rpn_cls").getFloat(), 1e-6);
      assertEquals(0f, out.get("loss_rpn_bbox").getFloat());
    }
  }
}
