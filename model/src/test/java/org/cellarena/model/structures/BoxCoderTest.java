package org.cellarena.model.structures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxCoderTest {

  @Test
  void encodeThenDecodeReturnsTheTargets() {
    Random r = new Random(3);
    int n = 200;
    float[] props = new float[4 * n];
    float[] gts = new float[4 * n];
    for (int i = 0; i < n; i++) {
      fill(props, i, r);
      fill(gts, i, r);
    }
    for (BoxCoder c : new BoxCoder[] {BoxCoder.rpn(), BoxCoder.rcnn()}) {
      float[] d = c.encode(props, gts);
      float[] back = c.decode(props, d, 0, 0);
      assertArrayEquals(gts, back, 1e-2f);
    }
  }

  @Test
  void knownDeltas() {
    float[] p = {0, 0, 10, 20};
    float[] g = {5, 0, 25, 20}; // centre x 5 -> 15, width 10 -> 20
    float[] d = BoxCoder.rpn().encode(p, g);
    assertArrayEquals(new float[] {1f, 0f, (float) Math.log(2), 0f}, d, 1e-6f);
    float[] dr = BoxCoder.rcnn().encode(p, g);
    assertArrayEquals(new float[] {10f, 0f, (float) Math.log(2) / 0.2f, 0f}, dr, 1e-5f);
    // decode clamps dw to ln(1000/16) and clips to the image
    float[] big = BoxCoder.rpn().decode(p, new float[] {0, 0, 100, 0}, 50, 50);
    assertEquals(0f, big[0]);
    assertEquals(50f, big[2]);
  }

  private static void fill(float[] b, int i, Random r) {
    float x = r.nextFloat() * 500, y = r.nextFloat() * 500;
    b[4 * i] = x;
    b[4 * i + 1] = y;
    b[4 * i + 2] = x + 2 + r.nextFloat() * 100;
    b[4 * i + 3] = y + 2 + r.nextFloat() * 100;
  }
}
