package org.cellarena.scoring.metric;

import java.util.Arrays;
import java.util.List;
import org.cellarena.scoring.rle.RunMask;

/**
 * Scores one image. At each threshold t: TP = cells with exactly one matching prediction, FN = cells with none,
 * FP = predictions with none; precision(t) = TP/(TP+FP+FN); the image score is the mean over the ten thresholds
 * (1 when there are neither cells nor predictions, 0 when only one side is empty).
 *
 * <p>The breakdown is taken at IoU 0.5. A prediction lies "mostly within" a cell when more than half of its
 * pixels are the cell's, and the other way round. A cell is <b>split</b> when it has no match and two or more
 * predictions lie mostly within it; a prediction is <b>merged</b> when it has no match and two or more cells lie
 * mostly within it. A cell without a match that is neither split nor inside a merged prediction is <b>missed</b>;
 * a prediction without a match that is neither merged nor inside a split cell is <b>spurious</b>.
 */
public final class ImageScorer {
  private ImageScorer() {}

  public static ImageResult score(List<RunMask> truth, List<RunMask> predicted) {
    int g = truth.size(), p = predicted.size();
    Overlaps overlaps = Overlaps.of(truth, predicted);
    int[] truthArea = truth.stream().mapToInt(RunMask::area).toArray();
    int[] predArea = predicted.stream().mapToInt(RunMask::area).toArray();

    int[][] cellMatches = new int[Thresholds.COUNT][g];
    int[][] predMatches = new int[Thresholds.COUNT][p];
    double[] cellBest = new double[g], predBest = new double[p];
    int[] cellBestPred = filled(g), predBestCell = filled(p);
    int[] predsMostlyWithinCell = new int[g], cellsMostlyWithinPred = new int[p];

    for (int e = 0; e < overlaps.size; e++) {
      int c = overlaps.cell[e], q = overlaps.prediction[e];
      long inter = overlaps.inter[e];
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

    int[] tp = new int[Thresholds.COUNT], fp = new int[Thresholds.COUNT], fn = new int[Thresholds.COUNT];
    double sum = 0;
    for (int k = 0; k < Thresholds.COUNT; k++) {
      for (int c = 0; c < g; c++) {
        if (cellMatches[k][c] == 1) {
          tp[k]++;
        } else if (cellMatches[k][c] == 0) {
          fn[k]++;
        }
      }
      for (int q = 0; q < p; q++) {
        if (predMatches[k][q] == 0) {
          fp[k]++;
        }
      }
      int denominator = tp[k] + fp[k] + fn[k];
      sum += (g == 0 && p == 0) ? 1.0 : denominator == 0 ? 0.0 : (double) tp[k] / denominator;
    }

    boolean[] cellSplit = new boolean[g], predMerged = new boolean[p];
    int split = 0, merged = 0;
    for (int c = 0; c < g; c++) {
      if (cellMatches[0][c] == 0 && predsMostlyWithinCell[c] >= 2) {
        cellSplit[c] = true;
        split++;
      }
    }
    for (int q = 0; q < p; q++) {
      if (predMatches[0][q] == 0 && cellsMostlyWithinPred[q] >= 2) {
        predMerged[q] = true;
        merged++;
      }
    }
    boolean[] cellInMerge = new boolean[g], predInSplit = new boolean[p];
    for (int e = 0; e < overlaps.size; e++) {
      int c = overlaps.cell[e], q = overlaps.prediction[e];
      long inter = overlaps.inter[e];
      if (predMerged[q] && 2 * inter > truthArea[c]) {
        cellInMerge[c] = true;
      }
      if (cellSplit[c] && 2 * inter > predArea[q]) {
        predInSplit[q] = true;
      }
    }
    int missed = 0, spurious = 0;
    Outcome[] cellOutcomes = new Outcome[g], predictionOutcomes = new Outcome[p];
    for (int c = 0; c < g; c++) {
      cellOutcomes[c] = cellMatches[0][c] == 1 ? Outcome.MATCHED : cellSplit[c] ? Outcome.SPLIT
          : cellInMerge[c] ? Outcome.MERGED : cellMatches[0][c] == 0 ? Outcome.MISSED : Outcome.MATCHED;
      if (cellMatches[0][c] == 0 && !cellSplit[c] && !cellInMerge[c]) {
        missed++;
      }
    }
    for (int q = 0; q < p; q++) {
      predictionOutcomes[q] = predMatches[0][q] > 0 ? Outcome.MATCHED : predMerged[q] ? Outcome.MERGED
          : predInSplit[q] ? Outcome.SPLIT : Outcome.SPURIOUS;
      if (predMatches[0][q] == 0 && !predMerged[q] && !predInSplit[q]) {
        spurious++;
      }
    }
    return new ImageResult(null, null, null, sum / Thresholds.COUNT, tp, fp, fn, g, p,
        missed, spurious, split, merged, cellBest, cellBestPred, predBest, predBestCell, cellOutcomes,
        predictionOutcomes);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
