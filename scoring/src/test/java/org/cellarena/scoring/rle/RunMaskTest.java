package org.cellarena.scoring.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunMaskTest {

  @Test
  void parsesOneIndexedRowMajorRuns() {
    RunMask m = RunMask.parse("2 3 11 2", 5, 4); // pixels 1..3 (row 0, cols 1..3) and 10..11 (row 2, cols 0..1)
    assertEquals(5, m.area());
    assertTrue(m.contains(0, 1));
    assertTrue(m.contains(0, 3));
    assertFalse(m.contains(0, 4));
    assertTrue(m.contains(2, 0));
    assertTrue(m.contains(2, 1));
    assertFalse(m.contains(1, 0));
    assertEquals(0, m.minRow());
    assertEquals(2, m.maxRow());
    assertEquals(0, m.minCol());
    assertEquals(3, m.maxCol());
    assertEquals("2 3 11 2", m.toRle());
  }

  @Test
  void runAcrossARowEdgeWidensTheBoxToAllColumns() {
    RunMask m = RunMask.parse("4 4", 5, 2); // row 0 cols 3..4, row 1 cols 0..1
    assertEquals(0, m.minCol());
    assertEquals(4, m.maxCol());
    assertEquals(1, m.maxRow());
  }

  @Test
  void emptyTextIsAnEmptyMask() {
    assertTrue(RunMask.parse("  ", 4, 4).isEmpty());
  }

  @Test
  void denseRoundTripOnRandomMasks() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int w = 1 + random.nextInt(40), h = 1 + random.nextInt(30);
      boolean[] pixels = new boolean[w * h];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = random.nextInt(3) == 0;
      }
      RunMask m = RunMask.fromDense(pixels, w, h);
      assertArrayEquals(pixels, m.toDense());
      assertEquals(m, RunMask.parse(m.toRle(), w, h));
    }
  }

  @Test
  void intersectionEqualsTheDenseCount() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      int w = 1 + random.nextInt(30), h = 1 + random.nextInt(30);
      boolean[] a = new boolean[w * h], b = new boolean[w * h];
      int expected = 0;
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextInt(2) == 0;
        b[i] = random.nextInt(2) == 0;
        expected += a[i] && b[i] ? 1 : 0;
      }
      RunMask ma = RunMask.fromDense(a, w, h), mb = RunMask.fromDense(b, w, h);
      assertEquals(expected, ma.intersectionArea(mb));
      assertEquals(expected, mb.intersectionArea(ma));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 2 3        | odd number of tokens (3)",
      "a 2          | token 1 is not an integer: 'a'",
      "1.5 2        | token 1 is not an integer: '1.5'",
      "-1 2         | token 1 is negative: '-1'",
      "1 99999999999999999999 | token 2 is too large",
      "0 2          | run 1 (start 0, length 2): start must be >= 1",
      "1 0          | run 1 (start 1, length 0): length must be >= 1",
      "19 3         | ends at pixel 21, past the image's 20 pixels",
      "5 2 3 1      | run 2 (start 3, length 1): runs must be ascending and must not overlap",
      "5 2 6 1      | run 2 (start 6, length 1): runs must be ascending and must not overlap",
  })
  void rejectsMalformedRle(String rle, String message) {
    RleFormatException e = assertThrows(RleFormatException.class, () -> RunMask.parse(rle, 5, 4));
    assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
  }
}
