package org.cellarena.scoring.metric;

import java.util.Arrays;
import java.util.List;
import org.cellarena.scoring.rle.RunMask;

/**
 * One pass over an image's overlap table: at each threshold, how many partners each cell and each prediction has;
 * each one's best IoU and its partner; and how many of the other side lie mostly within it (for the breakdown).
 */
final class Matching {
  final Overlaps overlaps;
  final int[] truthArea, predArea;
  final int[][] cellMatches, predMatches;
  final int[] predsMostlyWithinCell, cellsMostlyWithinPred;
  private final double[] cellBest, predBest;
  private final int[] cellBestPred, predBestCell;

  private Matching(List<RunMask> truth, List<RunMask> predicted) {
    int g = truth.size(), p = predicted.size();
    overlaps = Overlaps.of(truth, predicted);
    truthArea = truth.stream().mapToInt(RunMask::area).toArray();
    predArea = predicted.stream().mapToInt(RunMask::area).toArray();
    cellMatches = new int[Thresholds.COUNT][g];
    predMatches = new int[Thresholds.COUNT][p];
    cellBest = new double[g];
    predBest = new double[p];
    cellBestPred = filled(g);
    predBestCell = filled(p);
    predsMostlyWithinCell = new int[g];
    cellsMostlyWithinPred = new int[p];
  }

  static Matching of(List<RunMask> truth, List<RunMask> predicted) {
    Matching matching = new Matching(truth, predicted);
    for (int e = 0; e < matching.overlaps.size; e++) {
      matching.add(matching.overlaps.cell[e], matching.overlaps.prediction[e], matching.overlaps.inter[e]);
    }
    return matching;
  }

  private void add(int c, int q, long inter) {
    long union = (long) truthArea[c] + predArea[q] - inter;
    for (int k = 0; k < Thresholds.COUNT && Thresholds.exceeds(inter, union, k); k++) {
      cellMatches[k][c]++;
      predMatches[k][q]++;
    }
    double iou = (double) inter / union;
    if (iou > cellBest[c]) {
      cellBest[c] = iou;
      cellBestPred[c] = q;
    }
    if (iou > predBest[q]) {
      predBest[q] = iou;
      predBestCell[q] = c;
    }
    if (2 * inter > predArea[q]) {
      predsMostlyWithinCell[c]++;
    }
    if (2 * inter > truthArea[c]) {
      cellsMostlyWithinPred[q]++;
    }
  }

  int cells() {
    return truthArea.length;
  }

  int predictions() {
    return predArea.length;
  }

  /** TP (cells with exactly one partner), FN (cells with none) and FP (predictions with none) per threshold. */
  MatchCounts counts() {
    int[] tp = new int[Thresholds.COUNT], fp = new int[Thresholds.COUNT], fn = new int[Thresholds.COUNT];
    for (int k = 0; k < Thresholds.COUNT; k++) {
      for (int matches : cellMatches[k]) {
        if (matches == 1) {
          tp[k]++;
        } else if (matches == 0) {
          fn[k]++;
        }
      }
      for (int matches : predMatches[k]) {
        if (matches == 0) {
          fp[k]++;
        }
      }
    }
    return new MatchCounts(tp, fp, fn, cells(), predictions());
  }

  BestMatches best() {
    return new BestMatches(cellBest, cellBestPred, predBest, predBestCell);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
