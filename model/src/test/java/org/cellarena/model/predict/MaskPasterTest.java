package org.cellarena.model.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Mask pasting worked out by hand from mmdet's {@code _do_paste_mask}: image pixel centre {@code x + 0.5} goes to
 * {@code grid_sample(align_corners=False)} mask coordinate {@code u = (x + 0.5 - x1) / (x2 - x1) * S - 0.5},
 * bilinear between the mask cells around it, cells outside the mask count as 0; the region pasted is the box
 * widened by one pixel each side, within the image.
 */
class MaskPasterTest {
  // mask 1 of two 2x2 maps (mask 0 is a decoy of 9s): rows (1, 0.5) and (0.25, 0)
  private static final float[] MASKS = {9, 9, 9, 9, 1f, 0.5f, 0.25f, 0f};

  @Test
  void eachPixelIsTheBilinearSampleAtItsCentre() {
    // box (2, 2, 6, 6), S = 2: u = x / 2 - 1.25 for x = 1..6 is -0.75, -0.25, 0.25, 0.75, 1.25, 1.75, so the
    // weights of mask columns (0, 1) are:
    double[][] w = {{0.25, 0}, {0.75, 0}, {0.75, 0.25}, {0.25, 0.75}, {0, 0.75}, {0, 0.25}};
    PastedMask p = MaskPaster.paste(MASKS, 1, 2, new float[] {2, 2, 6, 6}, 10, 10, 0.9f, 0);
    assertEquals(1, p.x0());
    assertEquals(1, p.y0());
    assertEquals(6, p.width());
    assertEquals(6, p.height());
    float[] expected = new float[36];
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        double v = 0;
        for (int r = 0; r < 2; r++) {
          for (int c = 0; c < 2; c++) {
            v += w[y][r] * w[x][c] * MASKS[4 + 2 * r + c];
          }
        }
        expected[y * 6 + x] = (float) v;
      }
    }
    // one by hand: pixel (3, 3) = 0.75*0.75*1 + 0.75*0.25*0.5 + 0.25*0.75*0.25 + 0 = 0.703125
    assertEquals(0.703125f, expected[2 * 6 + 2]);
    assertArrayEquals(expected, p.prob(), 1e-6f);
  }

  @Test
  void theRegionStopsAtTheImageEdges() {
    // box (0, 0.5, 4, 4.5) in a 5x4 image: columns floor(0)-1 = -1 -> 0 to ceil(4)+1 = 5, rows -1 -> 0 to 6 -> 4
    PastedMask p = MaskPaster.paste(MASKS, 1, 2, new float[] {0, 0.5f, 4, 4.5f}, 5, 4, 0.5f, 2);
    assertEquals(0, p.x0());
    assertEquals(0, p.y0());
    assertEquals(5, p.width());
    assertEquals(4, p.height());
    assertEquals(2, p.label());
    // pixel (0, 0): u = 0.5 / 4 * 2 - 0.5 = -0.25, v = 0 / 4 * 2 - 0.5 = -0.5: 0.75 * 0.5 * 1 = 0.375
    assertEquals(0.375f, p.prob()[0], 1e-6f);
  }
}
