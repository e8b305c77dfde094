package org.cellarena.model.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class ResNeStTest {

  @Test
  void resnest50ShapesAndParameterCount() {
    try (NDManager m = NDManager.newBaseManager()) {
      ResNeSt net = new ResNeSt(BackboneConfig.resnest50(-1, "BN"));
      ParameterStore ps = new ParameterStore(m, false);
      net.forward(ps, new NDList(m.randomNormal(new Shape(2, 3, 64, 64))), true); // initialises (BatchNorm needs 2+ in training)
      NDList out = net.forward(ps, new NDList(m.randomNormal(new Shape(1, 3, 256, 192))), false);
      assertEquals(4, out.size());
      assertArrayEquals(new long[] {1, 256, 64, 48}, out.get(0).getShape().getShape());
      assertArrayEquals(new long[] {1, 512, 32, 24}, out.get(1).getShape().getShape());
      assertArrayEquals(new long[] {1, 1024, 16, 12}, out.get(2).getShape().getShape());
      assertArrayEquals(new long[] {1, 2048, 8, 6}, out.get(3).getShape().getShape());
      long params = net.parameterCount();
      System.out.println("ResNeSt-50 parameters without the classifier: " + params);
      // timm resnest50d: 27.48 M with the 2048x1000 classifier (2.05 M) -> 25.43 M
      assertTrue(params > 25_300_000 && params < 25_500_000, "parameter count " + params);
    }
  }
}
