package org.cellarena.model.structures;

import java.util.Arrays;

/** Greedy non-maximum suppression on CPU arrays (IoU strictly above the threshold suppresses). */
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
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
    boolean[] suppressed = new boolean[n];
    int[] keep = new int[n];
    int kept = 0;
    int limit = maxKeep < 0 ? n : maxKeep;
    for (int oi = 0; oi < n && kept < limit; oi++) {
      int i = order[oi];
      if (suppressed[i]) {
        continue;
      }
      keep[kept++] = i;
      float ix1 = boxes[4 * i], iy1 = boxes[4 * i + 1], ix2 = boxes[4 * i + 2], iy2 = boxes[4 * i + 3];
      float ia = Math.max(0f, ix2 - ix1) * Math.max(0f, iy2 - iy1);
      for (int oj = oi + 1; oj < n; oj++) {
        int j = order[oj];
        if (suppressed[j] || (groups != null && groups[j] != groups[i])) {
          continue;
        }
        float w = Math.min(ix2, boxes[4 * j + 2]) - Math.max(ix1, boxes[4 * j]);
        if (w <= 0f) {
          continue;
        }
        float h = Math.min(iy2, boxes[4 * j + 3]) - Math.max(iy1, boxes[4 * j + 1]);
        if (h <= 0f) {
          continue;
        }
        float inter = w * h;
        float ja = Math.max(0f, boxes[4 * j + 2] - boxes[4 * j]) * Math.max(0f, boxes[4 * j + 3] - boxes[4 * j + 1]);
        float union = ia + ja - inter;
        if (union > 0f && inter / union > iouThreshold) {
          suppressed[j] = true;
        }
      }
    }
    return Arrays.copyOf(keep, kept);
  }
}
