package org.cellarena.model.structures;

/**
 * Axis-aligned boxes as flat {@code float[]} arrays of {@code (x1, y1, x2, y2)} quadruples in pixel units,
 * x2/y2 exclusive (a box covering pixel columns 3..5 is {@code x1=3, x2=6}), the convention of mmdet.
 */
public final class Boxes {
  private Boxes() {}

  /** Number of boxes in a flat array. */
  public static int count(float[] boxes) {
    return boxes.length / 4;
  }

  /** Area of box {@code i} (0 for degenerate boxes). */
  public static float area(float[] b, int i) {
    return Math.max(0f, b[4 * i + 2] - b[4 * i]) * Math.max(0f, b[4 * i + 3] - b[4 * i + 1]);
  }

  /** IoU of box {@code i} of {@code a} with box {@code j} of {@code b}. */
  public static float iou(float[] a, int i, float[] b, int j) {
    float ix1 = Math.max(a[4 * i], b[4 * j]);
    float iy1 = Math.max(a[4 * i + 1], b[4 * j + 1]);
    float ix2 = Math.min(a[4 * i + 2], b[4 * j + 2]);
    float iy2 = Math.min(a[4 * i + 3], b[4 * j + 3]);
    float inter = Math.max(0f, ix2 - ix1) * Math.max(0f, iy2 - iy1);
    if (inter <= 0f) {
      return 0f;
    }
    float union = area(a, i) + area(b, j) - inter;
    return union <= 0f ? 0f : inter / union;
  }

  /** IoU matrix, row-major {@code rows x cols}: {@code m[r * cols + c] = iou(rows[r], cols[c])}. */
  public static float[] iouMatrix(float[] rows, float[] cols) {
    int nr = count(rows);
    int nc = count(cols);
    float[] m = new float[nr * nc];
    for (int r = 0; r < nr; r++) {
      float rx1 = rows[4 * r], ry1 = rows[4 * r + 1], rx2 = rows[4 * r + 2], ry2 = rows[4 * r + 3];
      float ra = area(rows, r);
      for (int c = 0; c < nc; c++) {
        float ix1 = Math.max(rx1, cols[4 * c]);
        float ix2 = Math.min(rx2, cols[4 * c + 2]);
        if (ix2 <= ix1) {
          continue;
        }
        float iy1 = Math.max(ry1, cols[4 * c + 1]);
        float iy2 = Math.min(ry2, cols[4 * c + 3]);
        if (iy2 <= iy1) {
          continue;
        }
        float inter = (ix2 - ix1) * (iy2 - iy1);
        float union = ra + area(cols, c) - inter;
        m[r * nc + c] = union <= 0f ? 0f : inter / union;
      }
    }
    return m;
  }

  /** Clips every box to {@code [0, width] x [0, height]} in place. */
  public static void clip(float[] b, float width, float height) {
    for (int i = 0; i < b.length; i += 4) {
      b[i] = Math.min(Math.max(b[i], 0f), width);
      b[i + 1] = Math.min(Math.max(b[i + 1], 0f), height);
      b[i + 2] = Math.min(Math.max(b[i + 2], 0f), width);
      b[i + 3] = Math.min(Math.max(b[i + 3], 0f), height);
    }
  }

  /** The boxes at the given indices, in that order. */
  public static float[] select(float[] b, int[] idx) {
    return FlatArrays.selectRows(b, idx, 4);
  }
}
