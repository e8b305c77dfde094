package org.cellarena.model.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.cellarena.model.ReferenceLosses.bce;
import static org.cellarena.model.ReferenceLosses.sigmoid;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The elementary losses against their textbook formulas evaluated in double precision. */
class LossesTest {
  // extreme logits too: a naive log(sigmoid(x)) in float gives infinity at -30 / +30
  private static final float[] LOGITS = {-30f, -3f, -0.5f, 0f, 0.7f, 4f, 30f};
  private static final float[] TARGETS = {1f, 0f, 1f, 1f, 0f, 1f, 0f};

  @Test
  void binaryCrossEntropyWithLogitsIsTheSumOfTheTextbookFormula() {
    double expected = 0;
    for (int i = 0; i < LOGITS.length; i++) {
      expected += bce(LOGITS[i], TARGETS[i]);
    }
    // by hand: at x = 0 the term is ln 2 whatever z; at -30 with z = 1 and at 30 with z = 0 it is about 30
    assertEquals(Math.log(2), bce(0, 1), 1e-12);
    assertEquals(30, bce(30, 0), 1e-9);
    try (NDManager m = NDManager.newBaseManager()) {
      float v = Losses.bceWithLogitsSum(m.create(LOGITS), m.create(TARGETS)).getFloat();
      assertEquals(expected, v, 1e-4);
    }
  }

  @Test
  void dividedBinaryCrossEntropyHasTheGradientSigmoidMinusTargetOverTheDivisor() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(LOGITS);
      x.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(Losses.divide(Losses.bceWithLogitsSum(x, m.create(TARGETS)), 4f));
      }
      float[] expected = new float[LOGITS.length];
      for (int i = 0; i < LOGITS.length; i++) {
        expected[i] = (float) ((sigmoid(LOGITS[i]) - TARGETS[i]) / 4);
      }
      assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-6f);
    }
  }

  @Test
  void l1SumIsTheSumOfAbsoluteDifferences() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray pred = m.create(new float[] {1f, -2f, 0.5f, 3f}, new Shape(2, 2));
      NDArray target = m.create(new float[] {0f, 1f, 0.5f, 5f}, new Shape(2, 2));
      assertEquals(1 + 3 + 0 + 2, Losses.l1Sum(pred, target).getFloat(), 1e-6);
    }
  }

  @Test
  void crossEntropyIsMinusTheLogSoftmaxOfEachRowsLabel() {
    float[][] logits = {{2f, 1f, 0f}, {-1f, 3f, 0.5f}};
    int[] labels = {0, 2};
    double expected = 0;
    for (int r = 0; r < logits.length; r++) {
      double z = 0;
      for (float l : logits[r]) {
        z += Math.exp(l);
      }
      expected += Math.log(z) - logits[r][labels[r]];
    }
    // by hand, row 0: ln(e^2 + e + 1) - 2 = 0.40761
    assertEquals(0.40761, Math.log(Math.exp(2) + Math.E + 1) - 2, 1e-5);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {2f, 1f, 0f, -1f, 3f, 0.5f}, new Shape(2, 3));
      NDArray flat = m.create(new long[] {0 * 3 + labels[0], 1 * 3 + labels[1]});
      assertEquals(expected, Losses.crossEntropySum(x, flat).getFloat(), 1e-5);
    }
  }
}
