package org.cellarena.model.roi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cellarena.model.data.GtMask;
import org.cellarena.model.data.ImageTransform;
import org.junit.jupiter.api.Test;

/**
 * Mask targets worked out by hand from the design: the RoI mapped back to the original image, the bitmap RoIAligned
 * there (aligned: coordinates shifted by -0.5; g = ceil(bin) bilinear samples per bin and axis, averaged), mirrored
 * for flipped inputs, then {@code >= 0.5}.
 */
class MaskTargetsTest {
  // a 4x4 bitmap at (2, 1) in an 8x8 image; its 2x2 blocks hold 3, 2, 1 and 4 ones
  private static final float[] BITS = {
      1, 1, 0, 1,
      1, 0, 0, 1,
      0, 0, 1, 1,
      0, 1, 1, 1};
  private static final GtMask MASK = new GtMask(2, 1, 4, 4, BITS);
  private static final ImageTransform SAME = new ImageTransform(8, 8, 8, 8, false, false);

  @Test
  void aRoiOnTheMasksBoxAtOnePixelPerBinSamplesEachPixelCentre() {
    // x: start 2 - 0.5 = 1.5, bin 1, one sample at 1.5 + 0.5 = 2.0: pixel 2 exactly
    assertArrayEquals(BITS, MaskTargets.target(MASK, new float[] {2, 1, 6, 5}, SAME, 4));
  }

  @Test
  void twoPixelsPerBinAverageTwoByTwoSamplesAndAHalfCountsAsInside() {
    // bin 2, g = 2 samples at 2.0 and 3.0 (then 4.0, 5.0): the mean of each 2x2 block, 0.75, 0.5, 0.25, 1
    assertArrayEquals(new float[] {1, 1, 0, 1}, MaskTargets.target(MASK, new float[] {2, 1, 6, 5}, SAME, 2));
  }

  @Test
  void aHalfPixelShiftInterpolatesBetweenNeighbours() {
    // x samples at 2.5, 3.5, 4.5, 5.5: the mean of columns q and q+1 (column 6 is outside the bitmap: 0), so a bin
    // is inside when either column is
    float[] expected = {
        1, 1, 1, 1,
        1, 0, 1, 1,
        0, 1, 1, 1,
        1, 1, 1, 1};
    assertArrayEquals(expected, MaskTargets.target(MASK, new float[] {2.5f, 1, 6.5f, 5}, SAME, 4));
  }

  @Test
  void aResizedInputIsMappedBackToTheOriginalBitmap() {
    ImageTransform doubled = new ImageTransform(8, 8, 16, 16, false, false);
    assertArrayEquals(BITS, MaskTargets.target(MASK, new float[] {4, 2, 12, 10}, doubled, 4));
  }

  @Test
  void aFlippedInputGetsTheMirroredTarget() {
    // the box (2, 1, 6, 5) is (8 - 6, 1, 8 - 2, 5) = (2, 1, 6, 5) after a horizontal flip of 8 px; vertically
    // (2, 8 - 5, 6, 8 - 1) = (2, 3, 6, 7)
    float[] mirroredH = {
        1, 0, 1, 1,
        1, 0, 0, 1,
        1, 1, 0, 0,
        1, 1, 1, 0};
    float[] mirroredV = {
        0, 1, 1, 1,
        0, 0, 1, 1,
        1, 0, 0, 1,
        1, 1, 0, 1};
    assertArrayEquals(mirroredH, MaskTargets.target(MASK, new float[] {2, 1, 6, 5},
        new ImageTransform(8, 8, 8, 8, true, false), 4));
    assertArrayEquals(mirroredV, MaskTargets.target(MASK, new float[] {2, 3, 6, 7},
        new ImageTransform(8, 8, 8, 8, false, true), 4));
  }

  @Test
  void aRoiBesideTheMaskHasAnEmptyTarget() {
    assertArrayEquals(new float[4], MaskTargets.target(MASK, new float[] {6, 5, 8, 8}, SAME, 2));
  }
}
