package org.cellarena.model.proposal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.MaxIoUAssigner;
import org.cellarena.model.structures.SparseIou;
import org.junit.jupiter.api.Test;

class AnchorGridTest {
  private static final AnchorGenerator GENERATOR =
      new AnchorGenerator(new int[] {4, 8, 16, 32, 64}, new float[] {0.5f, 1f, 2f}, new float[] {8f});
  // a 320x224 padded input: feature maps of strides 4..64
  private static final int[] HEIGHTS = {56, 28, 14, 7, 4};
  private static final int[] WIDTHS = {80, 40, 20, 10, 5};

  @Test
  void overlapsAreExactlyTheNonZeroEntriesOfTheDenseMatrix() {
    AnchorGrid grid = new AnchorGrid(GENERATOR, HEIGHTS, WIDTHS);
    float[] gt = boxes(new Random(3), 40, 320, 224);
    float[] dense = Boxes.iouMatrix(gt, grid.all());
    SparseIou o = grid.overlaps(gt);
    int nonZero = 0;
    for (float v : dense) {
      nonZero += v > 0f ? 1 : 0;
    }
    assertEquals(nonZero, o.box().length);
    for (int g = 0; g < 40; g++) {
      for (int e = o.rowStart()[g]; e < o.rowStart()[g + 1]; e++) {
        assertEquals(dense[g * grid.size() + o.box()[e]], o.iou()[e], 0f);
      }
    }
  }

  @Test
  void assignmentMatchesTheDenseAssignerIncludingLowQualityTies() {
    AnchorGrid grid = new AnchorGrid(GENERATOR, HEIGHTS, WIDTHS);
    MaxIoUAssigner rpn = new MaxIoUAssigner(0.7f, 0.3f, 0.3f, true);
    for (int seed = 0; seed < 5; seed++) {
      float[] gt = boxes(new Random(seed), 1 + seed * 20, 320, 224);
      int[] dense = rpn.assign(Boxes.iouMatrix(gt, grid.all()), Boxes.count(gt), grid.size());
      assertArrayEquals(dense, rpn.assign(grid.overlaps(gt)));
    }
    assertArrayEquals(rpn.assign(new float[0], 0, grid.size()), rpn.assign(grid.overlaps(new float[0])));
  }

  /** Cell-like boxes, some at the image border, some tiny. */
  private static float[] boxes(Random r, int n, int width, int height) {
    float[] b = new float[4 * n];
    for (int i = 0; i < n; i++) {
      float w = 3 + r.nextFloat() * 60;
      float h = 3 + r.nextFloat() * 60;
      float x = r.nextFloat() * (width - w);
      float y = i % 7 == 0 ? 0 : r.nextFloat() * (height - h);
      b[4 * i] = x;
      b[4 * i + 1] = y;
      b[4 * i + 2] = x + w;
      b[4 * i + 3] = y + h;
    }
    return b;
  }
}
