package org.cellarena.model.structures;

import static org.cellarena.model.structures.MaxIoUAssigner.IGNORE;
import static org.cellarena.model.structures.MaxIoUAssigner.NEGATIVE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MaxIoUAssignerTest {
  // 2 ground truths (rows) x 6 boxes (columns)
  private static final float[] IOU = {
      0.80f, 0.50f, 0.10f, 0.00f, 0.35f, 0.20f,
      0.10f, 0.60f, 0.25f, 0.00f, 0.35f, 0.45f,
  };

  @Test
  void rpnRulesWithLowQualityMatches() {
    int[] a = new MaxIoUAssigner(0.7f, 0.3f, 0.3f, true).assign(IOU, 2, 6);
    // box0: 0.8 >= 0.7 -> gt0; box1: max 0.6 in [0.3, 0.7) -> ignored, but it is gt1's best (0.6) -> gt1
    // box2: 0.25 < 0.3 -> negative; box3: 0 -> negative; box4: 0.35 ignored; box5: 0.45 ignored
    assertArrayEquals(new int[] {0, 1, NEGATIVE, NEGATIVE, IGNORE, IGNORE}, a);
  }

  @Test
  void withoutLowQualityMatches() {
    int[] a = new MaxIoUAssigner(0.7f, 0.3f, 0.3f, false).assign(IOU, 2, 6);
    assertArrayEquals(new int[] {0, IGNORE, NEGATIVE, NEGATIVE, IGNORE, IGNORE}, a);
  }

  @Test
  void rcnnRulesAndTies() {
    // R-CNN: pos >= 0.5, neg < 0.5; box4 ties for gt0 and gt1 at 0.35 -> the first gt (argmax) -> negative anyway
    int[] a = new MaxIoUAssigner(0.5f, 0.5f, 0.5f, true).assign(IOU, 2, 6);
    assertArrayEquals(new int[] {0, 1, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE}, a);
    // a gt whose best IoU is shared by two boxes claims both (gt_max_assign_all)
    float[] tie = {0.40f, 0.40f, 0.10f};
    int[] t = new MaxIoUAssigner(0.7f, 0.3f, 0.3f, true).assign(tie, 1, 3);
    assertArrayEquals(new int[] {0, 0, NEGATIVE}, t);
  }

  @Test
  void noGroundTruthMeansAllNegative() {
    assertArrayEquals(new int[] {NEGATIVE, NEGATIVE}, new MaxIoUAssigner(0.7f, 0.3f, 0.3f, true)
        .assign(new float[0], 0, 2));
  }
}
