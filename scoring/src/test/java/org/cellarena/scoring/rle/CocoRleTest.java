package org.cellarena.scoring.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CocoRleTest {

  @Test
  void countsAreColumnMajorStartingWithZeros() {
    // 3 wide, 2 high; pixels (row 0, col 1) and (row 1, col 1): column-major indices 2 and 3.
    RunMask m = RunMask.fromDense(new boolean[] {false, true, false, false, true, false}, 3, 2);
    assertArrayEquals(new int[] {2, 2, 2}, CocoRle.fromRunMask(m));
    assertEquals(m, CocoRle.toRunMask(new int[] {2, 2, 2}, 3, 2));
  }

  @Test
  void maskStartingAtPixelZeroHasAZeroFirstCount() {
    RunMask m = RunMask.parse("1 1", 2, 2);
    assertArrayEquals(new int[] {0, 1, 3}, CocoRle.fromRunMask(m));
  }

  @Test
  void roundTripsRandomMasksThroughCountsAndCompressedStrings() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int w = 1 + random.nextInt(50), h = 1 + random.nextInt(50);
      boolean[] pixels = new boolean[w * h];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = random.nextInt(4) == 0;
      }
      RunMask m = RunMask.fromDense(pixels, w, h);
      int[] counts = CocoRle.fromRunMask(m);
      assertEquals(m, CocoRle.toRunMask(counts, w, h));
      assertArrayEquals(counts, CocoRle.decompress(CocoRle.compress(counts)));
    }
  }

  @Test
  void decodesPycocotoolsStrings() {
    // pycocotools.mask.encode of a 4x4 Fortran array with a 2x2 square at rows 1-2, cols 1-2: counts "52203"
    int[] counts = CocoRle.decompress("52203");
    assertArrayEquals(new int[] {5, 2, 2, 2, 5}, counts);
    RunMask square = CocoRle.toRunMask(counts, 4, 4);
    assertEquals("6 2 10 2", square.toRle());
  }

  @Test
  void rejectsCountsThatDoNotCoverTheImage() {
    assertThrows(RleFormatException.class, () -> CocoRle.toRunMask(new int[] {1, 2}, 2, 2));
  }
}
