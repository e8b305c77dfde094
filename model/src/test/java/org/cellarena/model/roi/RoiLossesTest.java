package org.cellarena.model.roi;

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
 * The box and mask losses of a two-image batch, two classes (label 2 = background), worked out from the design:
 * softmax cross-entropy over every sampled RoI and L1 on the positives' deltas of their own class, both divided by
 * all sampled RoIs; mask BCE-with-logits on each positive's own class channel, averaged over its pixels.
 */
class RoiLossesTest {
  private static final int K = 2;

  // image 0: RoI 0 positive of class 1, RoI 1 background; image 1: RoI 2 positive of class 0, RoI 3 background
  private static final float[] T0 = {0.1f, 0.2f, -0.1f, 0f};
  private static final float[] T1 = {-0.3f, 0f, 0.2f, 0.4f};
  private static final float[] M0 = {1, 0, 0, 1};
  private static final float[] M1 = {0, 0, 1, 1};

  private static SampledRois batch() {
    RoiTargets.Targets first = new RoiTargets.Targets(new float[] {0, 0, 4, 4, 1, 1, 3, 3}, new int[] {1, 2}, 1, T0,
        M0);
    RoiTargets.Targets second = new RoiTargets.Targets(new float[] {2, 2, 6, 6, 0, 0, 1, 1}, new int[] {0, 2}, 1,
        T1, M1);
    return SampledRois.of(List.of(first, second));
  }

  @Test
  void theBatchKeepsEachImagesRoisAndFindsThePositivesRows() {
    SampledRois t = batch();
    assertArrayEquals(new int[] {0, 0, 1, 1}, t.rois().images());
    assertArrayEquals(new int[] {1, 2, 0, 2}, t.labels());
    assertArrayEquals(new int[] {0, 2}, t.positiveRows());
    assertArrayEquals(new float[] {0, 0, 4, 4, 2, 2, 6, 6}, t.positives().boxes());
    assertArrayEquals(new int[] {0, 1}, t.positives().images());
    assertArrayEquals(new int[] {1, 0}, t.positiveLabels());
  }

  @Test
  void boxLossesAreCrossEntropyOverAllRoisAndL1OnThePositivesOwnClassDeltas() {
    float[] logits = {0.5f, 1f, -1f, 0f, 0f, 2f, 3f, -2f, 0f, 1f, 1f, 1f}; // (4, K + 1)
    float[] deltas = new float[4 * 4 * K];
    for (int i = 0; i < deltas.length; i++) {
      deltas[i] = 100f; // any other class or RoI than the positives' own: no effect
    }
    float[] d0 = {0.3f, 0.2f, 0f, -0.5f}; // RoI 0, class 1: columns 4..7
    float[] d2 = {-0.3f, 0.1f, 0.2f, 0.4f}; // RoI 2, class 0: columns 0..3 of row 2
    System.arraycopy(d0, 0, deltas, 4, 4);
    System.arraycopy(d2, 0, deltas, 2 * 4 * K, 4);
    int[] labels = {1, 2, 0, 2};
    double ce = 0;
    for (int r = 0; r < 4; r++) {
      double z = 0;
      for (int c = 0; c <= K; c++) {
        z += Math.exp(logits[r * (K + 1) + c]);
      }
      ce += Math.log(z) - logits[r * (K + 1) + labels[r]];
    }
    // |0.3-0.1| + 0 + |0+0.1| + |-0.5| = 0.8; 0 + 0.1 + 0 + 0 = 0.1
    double l1 = 0.8 + 0.1;
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> out = BoxLoss.losses(m.create(logits, new Shape(4, K + 1)),
          m.create(deltas, new Shape(4, 4 * K)), batch(), K);
      assertEquals(List.of("loss_cls", "loss_bbox"), List.copyOf(out.keySet()));
      assertEquals(ce / 4, out.get("loss_cls").getFloat(), 1e-6);
      assertEquals(l1 / 4, out.get("loss_bbox").getFloat(), 1e-6);
    }
  }

  @Test
  void maskLossIsBinaryCrossEntropyOnEachPositivesOwnClassAveragedOverItsPixels() {
    // (2 positives, K, 2, 2): positive 0 is class 1, positive 1 class 0
    float[] logits = new float[2 * K * 4];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = 40f; // the other class channels: no effect
    }
    float[] own0 = {2f, -1f, 0f, 3f};
    float[] own1 = {-2f, 0.5f, 1f, -0.5f};
    System.arraycopy(own0, 0, logits, 4, 4); // positive 0, channel 1
    System.arraycopy(own1, 0, logits, 8, 4); // positive 1, channel 0
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += bce(own0[i], M0[i]) + bce(own1[i], M1[i]);
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray loss = MaskLoss.loss(m.create(logits, new Shape(2, K, 2, 2)), batch(), K);
      assertEquals(sum / 8, loss.getFloat(), 1e-6);
    }
  }
}
