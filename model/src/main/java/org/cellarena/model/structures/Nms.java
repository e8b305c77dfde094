package org.cellarena.model.structures;

import java.util.Arrays;

/** Greedy non-maximum suppression on primitive host arrays (IoU strictly above the threshold suppresses). */
public final class Nms {
  private Nms() {}

  /** Indices kept, highest score first, at most {@code maxKeep} (negative: no limit). */
  public static int[] nms(float[] boxes, float[] scores, float iouThreshold, int maxKeep) {
    return batched(boxes, scores, null, iouThreshold, maxKeep);
  }

  /**
   * NMS within groups: boxes with different {@code groups[i]} never suppress each other ({@code groups} null: one
   * group).
   */
  public static int[] batched(float[] boxes, float[] scores, int[] groups, float iouThreshold, int maxKeep) {
    int n = scores.length;
    int[] order = TopK.descending(scores, 0, n);
    // coordinates in score order, so the inner loop reads memory in sequence
    float[] x1 = new float[n], y1 = new float[n], x2 = new float[n], y2 = new float[n], area = new float[n];
    int[] group = new int[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      x1[k] = boxes[4 * i];
      y1[k] = boxes[4 * i + 1];
      x2[k] = boxes[4 * i + 2];
      y2[k] = boxes[4 * i + 3];
      area[k] = Math.max(0f, x2[k] - x1[k]) * Math.max(0f, y2[k] - y1[k]);
      group[k] = groups == null ? 0 : groups[i];
    }
    boolean[] suppressed = new boolean[n];
    int[] keep = new int[n];
    int kept = 0;
    int limit = maxKeep < 0 ? n : maxKeep;
    Buckets buckets = new Buckets(x1, y1, x2, y2);
    for (int i = 0; i < n && kept < limit; i++) {
      if (suppressed[i]) {
        continue;
      }
      keep[kept++] = order[i];
      float ix1 = x1[i], iy1 = y1[i], ix2 = x2[i], iy2 = y2[i], ia = area[i];
      int gi = group[i];
      // only boxes in the 3x3 cells around this one can overlap it; later in score order only (j > i)
      int col = buckets.col(i), row = buckets.row(i);
      for (int r = Math.max(0, row - 1); r <= Math.min(buckets.rows - 1, row + 1); r++) {
        for (int c = Math.max(0, col - 1); c <= Math.min(buckets.cols - 1, col + 1); c++) {
          int cell = r * buckets.cols + c;
          for (int e = buckets.start[cell]; e < buckets.start[cell + 1]; e++) {
            int j = buckets.members[e];
            if (j <= i || suppressed[j] || group[j] != gi) {
              continue;
            }
            float w = Math.min(ix2, x2[j]) - Math.max(ix1, x1[j]);
            if (w <= 0f) {
              continue;
            }
            float h = Math.min(iy2, y2[j]) - Math.max(iy1, y1[j]);
            if (h <= 0f) {
              continue;
            }
            float inter = w * h;
            float union = ia + area[j] - inter;
            if (union > 0f && inter / union > iouThreshold) {
              suppressed[j] = true;
            }
          }
        }
      }
    }
    return Arrays.copyOf(keep, kept);
  }

  /**
   * Boxes bucketed by centre on a grid whose cells are at least as large as the largest box side: two boxes that
   * overlap have centres less than that apart on each axis, so they lie in the same or adjacent cells. Members of a
   * cell are in score order.
   */
  private static final class Buckets {
    final int cols;
    final int rows;
    final int[] start;
    final int[] members;
    private final int[] cellOf;

    Buckets(float[] x1, float[] y1, float[] x2, float[] y2) {
      int n = x1.length;
      float minX = Float.POSITIVE_INFINITY, minY = Float.POSITIVE_INFINITY;
      float maxX = Float.NEGATIVE_INFINITY, maxY = Float.NEGATIVE_INFINITY, side = 0f;
      for (int k = 0; k < n; k++) {
        minX = Math.min(minX, x1[k]);
        minY = Math.min(minY, y1[k]);
        maxX = Math.max(maxX, x2[k]);
        maxY = Math.max(maxY, y2[k]);
        side = Math.max(side, Math.max(x2[k] - x1[k], y2[k] - y1[k]));
      }
      double cell = Math.max(side, 1e-3);
      // no more cells than boxes (a sparse grid would only cost memory); a NaN side makes one cell
      while ((Math.floor((maxX - minX) / cell) + 1) * (Math.floor((maxY - minY) / cell) + 1) > Math.max(1, n)) {
        cell *= 2;
      }
      boolean one = !(cell < Double.POSITIVE_INFINITY) || n == 0;
      cols = one ? 1 : (int) Math.floor((maxX - minX) / cell) + 1;
      rows = one ? 1 : (int) Math.floor((maxY - minY) / cell) + 1;
      cellOf = new int[n];
      start = new int[cols * rows + 1];
      for (int k = 0; k < n; k++) {
        int c = one ? 0 : clamp((int) Math.floor(((x1[k] + x2[k]) * 0.5 - minX) / cell), cols);
        int r = one ? 0 : clamp((int) Math.floor(((y1[k] + y2[k]) * 0.5 - minY) / cell), rows);
        cellOf[k] = r * cols + c;
        start[cellOf[k] + 1]++;
      }
      for (int c = 0; c < cols * rows; c++) {
        start[c + 1] += start[c];
      }
      members = new int[n];
      int[] fill = Arrays.copyOf(start, cols * rows);
      for (int k = 0; k < n; k++) {
        members[fill[cellOf[k]]++] = k;
      }
    }

    int col(int k) {
      return cellOf[k] % cols;
    }

    int row(int k) {
      return cellOf[k] / cols;
    }

    private static int clamp(int v, int size) {
      return Math.max(0, Math.min(size - 1, v));
    }
  }
}
