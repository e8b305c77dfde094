package org.cellarena.model.proposal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnchorGeneratorTest {

  @Test
  void anchorsOnATwoByThreeMapAreCentredOnStrideMultiplesInMmdetOrder() {
    AnchorGenerator g = new AnchorGenerator(new int[] {4, 8}, new float[] {0.5f, 1f, 2f}, new float[] {8f});
    assertEquals(3, g.anchorsPerLocation());
    float[] a = g.anchors(0, 2, 3);
    assertEquals(2 * 3 * 3 * 4, a.length);
    float w05 = (float) (4 * Math.sqrt(2) * 8 / 2); // ratio 0.5: w = 32*sqrt(2), h = 32/sqrt(2)
    float h05 = (float) (4 / Math.sqrt(2) * 8 / 2);
    // location (x=0, y=0)
    assertArrayEquals(new float[] {-w05, -h05, w05, h05}, slice(a, 0), 1e-4f);
    assertArrayEquals(new float[] {-16, -16, 16, 16}, slice(a, 1), 1e-4f);
    assertArrayEquals(new float[] {-h05, -w05, h05, w05}, slice(a, 2), 1e-4f);
    // location (x=2, y=1): index (1*3 + 2)*3 + a, shifted by (8, 4)
    assertArrayEquals(new float[] {8 - 16, 4 - 16, 8 + 16, 4 + 16}, slice(a, (1 * 3 + 2) * 3 + 1), 1e-4f);
    assertArrayEquals(new float[] {8 - w05, 4 - h05, 8 + w05, 4 + h05}, slice(a, (1 * 3 + 2) * 3), 1e-4f);
    // level 1: stride 8, side 64, location (x=1, y=0)
    float[] b = g.anchors(1, 1, 2);
    assertArrayEquals(new float[] {8 - 32, -32, 8 + 32, 32}, slice(b, 3 + 1), 1e-4f);
  }

  private static float[] slice(float[] a, int i) {
    return java.util.Arrays.copyOfRange(a, 4 * i, 4 * i + 4);
  }
}
