package org.cellarena.scoring.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;

class ImageScorerTest {
  private static final int W = 40, H = 20;

  /** A rectangle of rows r0..r1-1 and columns c0..c1-1. */
  private static RunMask box(int r0, int c0, int r1, int c1) {
    boolean[] px = new boolean[W * H];
    for (int r = r0; r < r1; r++) {
      for (int c = c0; c < c1; c++) {
        px[r * W + c] = true;
      }
    }
    return RunMask.fromDense(px, W, H);
  }

  @Test
  void thresholdTiesAreNotMatches() {
    assertFalse(Thresholds.exceeds(1, 2, 0), "IoU exactly 0.5 does not exceed 0.5");
    assertTrue(Thresholds.exceeds(51, 100, 0));
    assertFalse(Thresholds.exceeds(95, 100, 9), "IoU exactly 0.95 does not exceed 0.95");
    assertFalse(Thresholds.exceeds(7, 10, 4), "0.7 is not > 0.7 although 0.7 > 0.7000000000000001 is a float trap");
  }

  @Test
  void countsTruePositivesFalsePositivesAndFalseNegativesPerThreshold() {
    // cell 0 predicted with IoU 0.8 (40 of 50 pixels), cell 1 missed, one spurious prediction
    RunMask cell0 = box(0, 0, 5, 10), cell1 = box(10, 0, 15, 10);
    RunMask pred0 = box(0, 0, 4, 10), spurious = box(10, 30, 15, 35);
    ImageResult r = ImageScorer.score(List.of(cell0, cell1), List.of(pred0, spurious));
    // thresholds 0.50..0.75 match (0.8 > t); 0.80..0.95 do not
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, r.tp());
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 2, 2, 2, 2}, r.fp());
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 2, 2, 2, 2}, r.fn());
    assertEquals((6 * (1.0 / 3)) / 10, r.score(), 1e-12);
    assertEquals(1, r.missed());
    assertEquals(1, r.spurious());
    assertEquals(0.8, r.cellBestIou()[0], 1e-12);
    assertEquals(0, r.cellBestPrediction()[0]);
    assertEquals(-1, r.cellBestPrediction()[1]);
  }

  @Test
  void emptyImagesScoreOneWhenBothSidesAreEmptyElseZero() {
    assertEquals(1.0, ImageScorer.score(List.of(), List.of()).score());
    assertEquals(0.0, ImageScorer.score(List.of(box(0, 0, 2, 2)), List.of()).score());
    assertEquals(0.0, ImageScorer.score(List.of(), List.of(box(0, 0, 2, 2))).score());
  }

  @Test
  void detectsSplitCells() {
    RunMask cell = box(0, 0, 10, 10);
    ImageResult r = ImageScorer.score(List.of(cell), List.of(box(0, 0, 10, 5), box(0, 5, 10, 10)));
    assertEquals(1, r.split());
    assertEquals(0, r.missed(), "a split cell is not also missed");
    assertEquals(0, r.spurious(), "the pieces of a split cell are not spurious");
    assertEquals(0, r.merged());
  }

  @Test
  void detectsMergedCells() {
    ImageResult r = ImageScorer.score(List.of(box(0, 0, 10, 5), box(0, 5, 10, 10)), List.of(box(0, 0, 10, 10)));
    assertEquals(1, r.merged());
    assertEquals(0, r.missed(), "cells inside a merge are not also missed");
    assertEquals(0, r.spurious());
    assertEquals(0, r.split());
  }

  @Test
  void countsPerCellSoOneMatchOfTwoOverlappingCellsIsTwoTruePositives() {
    RunMask cell = box(0, 0, 6, 6);
    ImageResult r = ImageScorer.score(List.of(cell, cell), List.of(box(0, 0, 6, 6)));
    assertEquals(2, r.tp()[9]);
    assertEquals(0, r.fp()[9]);
    assertEquals(1.0, r.score());
  }

  @Test
  void aCellMatchedTwiceIsNeitherATruePositiveNorAFalseNegative() {
    RunMask cell = box(0, 0, 6, 6);
    ImageResult r = ImageScorer.score(List.of(cell), List.of(cell, cell));
    assertEquals(0, r.tp()[0]);
    assertEquals(0, r.fn()[0]);
    assertEquals(0, r.fp()[0]);
    assertEquals(0.0, r.score());
  }

  @Test
  void agreesWithADenseBruteForceOnRandomImages() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 50; trial++) {
      List<RunMask> truth = randomBoxes(random, 1 + random.nextInt(8), true);
      List<RunMask> predicted = randomBoxes(random, random.nextInt(8), false);
      ImageResult fast = ImageScorer.score(truth, predicted);
      assertEquals(bruteForce(truth, predicted), fast.score(), 1e-12);
    }
  }

  private static List<RunMask> randomBoxes(SplittableRandom random, int n, boolean mayOverlap) {
    List<RunMask> masks = new ArrayList<>();
    boolean[] taken = new boolean[W * H];
    for (int i = 0; i < n; i++) {
      int r0 = random.nextInt(H - 3), c0 = random.nextInt(W - 3);
      RunMask m = box(r0, c0, r0 + 2 + random.nextInt(Math.min(8, H - r0 - 1)), c0 + 2 + random.nextInt(Math.min(10, W - c0 - 1)));
      if (!mayOverlap) {
        boolean[] px = m.toDense();
        for (int p = 0; p < px.length; p++) {
          px[p] &= !taken[p];
          taken[p] |= px[p];
        }
        m = RunMask.fromDense(px, W, H);
        if (m.isEmpty()) {
          continue;
        }
      }
      masks.add(m);
    }
    return masks;
  }

  /** The definition, on dense arrays and all pairs, with exact rational comparison. */
  private static double bruteForce(List<RunMask> truth, List<RunMask> predicted) {
    if (truth.isEmpty() && predicted.isEmpty()) {
      return 1;
    }
    double sum = 0;
    for (int k = 0; k < 10; k++) {
      int tp = 0, fp = 0, fn = 0;
      int[] predHits = new int[predicted.size()];
      for (RunMask t : truth) {
        boolean[] a = t.toDense();
        int hits = 0;
        for (int q = 0; q < predicted.size(); q++) {
          boolean[] b = predicted.get(q).toDense();
          long inter = 0, union = 0;
          for (int p = 0; p < a.length; p++) {
            inter += a[p] && b[p] ? 1 : 0;
            union += a[p] || b[p] ? 1 : 0;
          }
          if (inter * 20 > (10L + k) * union) {
            hits++;
            predHits[q]++;
          }
        }
        tp += hits == 1 ? 1 : 0;
        fn += hits == 0 ? 1 : 0;
      }
      for (int h : predHits) {
        fp += h == 0 ? 1 : 0;
      }
      sum += tp + fp + fn == 0 ? 0 : (double) tp / (tp + fp + fn);
    }
    return sum / 10;
  }
}
