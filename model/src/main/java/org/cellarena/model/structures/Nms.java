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
    for (int i = 0; i < n && kept < limit; i++) {
      if (suppressed[i]) {
        continue;
      }
      keep[kept++] = order[i];
      float ix1 = x1[i], iy1 = y1[i], ix2 = x2[i], iy2 = y2[i], ia = area[i];
      int gi = group[i];
      for (int j = i + 1; j < n; j++) {
        if (suppressed[j] || group[j] != gi) {
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
    return Arrays.copyOf(keep, kept);
  }
}
