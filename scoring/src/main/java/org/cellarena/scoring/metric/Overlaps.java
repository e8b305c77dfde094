package org.cellarena.scoring.metric;

import java.util.Arrays;
import java.util.List;
import org.cellarena.scoring.rle.RunMask;

/**
 * The sparse overlap table of one image: every (cell, prediction) pair sharing at least one pixel, with its
 * intersection. Candidate pairs come from a row-band index of the predictions' bounding boxes, so a cell is only
 * compared with predictions near it; intersections are merges of the two run lists.
 */
final class Overlaps {
  private static final int BAND_ROWS = 32;

  final int[] cell;
  final int[] prediction;
  final int[] inter;
  final int size;

  private Overlaps(int[] cell, int[] prediction, int[] inter, int size) {
    this.cell = cell;
    this.prediction = prediction;
    this.inter = inter;
    this.size = size;
  }

  static Overlaps of(List<RunMask> truth, List<RunMask> predicted) {
    int capacity = Math.max(16, truth.size() * 2);
    int[] cells = new int[capacity], preds = new int[capacity], inters = new int[capacity];
    int n = 0;
    if (truth.isEmpty() || predicted.isEmpty()) {
      return new Overlaps(cells, preds, inters, 0);
    }
    int height = truth.get(0).height();
    int bands = (height + BAND_ROWS - 1) / BAND_ROWS;
    int[][] bandMembers = bandIndex(predicted, bands);
    int[] seenBy = new int[predicted.size()];
    Arrays.fill(seenBy, -1);
    for (int g = 0; g < truth.size(); g++) {
      RunMask t = truth.get(g);
      if (t.isEmpty()) {
        continue;
      }
      for (int band = t.minRow() / BAND_ROWS; band <= t.maxRow() / BAND_ROWS; band++) {
        for (int p : bandMembers[band]) {
          if (seenBy[p] == g) {
            continue;
          }
          seenBy[p] = g;
          int i = t.intersectionArea(predicted.get(p));
          if (i > 0) {
            if (n == cells.length) {
              cells = Arrays.copyOf(cells, n * 2);
              preds = Arrays.copyOf(preds, n * 2);
              inters = Arrays.copyOf(inters, n * 2);
            }
            cells[n] = g;
            preds[n] = p;
            inters[n++] = i;
          }
        }
      }
    }
    return new Overlaps(cells, preds, inters, n);
  }

  /** For each band of rows, the predictions whose bounding box reaches into it. */
  private static int[][] bandIndex(List<RunMask> predicted, int bands) {
    int[] counts = new int[bands];
    for (RunMask p : predicted) {
      if (!p.isEmpty()) {
        for (int b = p.minRow() / BAND_ROWS; b <= p.maxRow() / BAND_ROWS; b++) {
          counts[b]++;
        }
      }
    }
    int[][] members = new int[bands][];
    for (int b = 0; b < bands; b++) {
      members[b] = new int[counts[b]];
      counts[b] = 0;
    }
    for (int k = 0; k < predicted.size(); k++) {
      RunMask p = predicted.get(k);
      if (!p.isEmpty()) {
        for (int b = p.minRow() / BAND_ROWS; b <= p.maxRow() / BAND_ROWS; b++) {
          members[b][counts[b]++] = k;
        }
      }
    }
    return members;
  }
}
