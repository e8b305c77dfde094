package org.cellarena.model.data;

import org.cellarena.scoring.rle.RunMask;

/** A ground-truth mask as a bitmap cropped to its bounding box, in original image pixels. */
public final class GtMask {
  public final int x0;
  public final int y0;
  public final int width;
  public final int height;
  /** Row-major {@code height x width}, 1 inside the cell. */
  public final float[] bits;

  public GtMask(int x0, int y0, int width, int height, float[] bits) {
    this.x0 = x0;
    this.y0 = y0;
    this.width = width;
    this.height = height;
    this.bits = bits;
  }

  /** The mask of a run-length encoded cell (runs may wrap rows). */
  public static GtMask of(RunMask m) {
    if (m.isEmpty()) {
      return new GtMask(0, 0, 0, 0, new float[0]);
    }
    int x0 = m.minCol();
    int y0 = m.minRow();
    int w = m.maxCol() - x0 + 1;
    int h = m.maxRow() - y0 + 1;
    float[] bits = new float[w * h];
    int iw = m.width();
    for (int r = 0; r < m.runCount(); r++) {
      int start = m.runStart(r);
      for (int p = start; p < start + m.runLength(r); p++) {
        bits[(p / iw - y0) * w + (p % iw - x0)] = 1f;
      }
    }
    return new GtMask(x0, y0, w, h, bits);
  }

  /** The bounding box {@code (x1, y1, x2, y2)}, exclusive ends. */
  public float[] box() {
    return new float[] {x0, y0, x0 + width, y0 + height};
  }

  /** Value at an original image pixel (0 outside the crop). */
  public float at(int row, int col) {
    int r = row - y0;
    int c = col - x0;
    return r < 0 || c < 0 || r >= height || c >= width ? 0f : bits[r * width + c];
  }
}
