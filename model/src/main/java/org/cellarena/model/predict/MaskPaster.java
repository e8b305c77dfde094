package org.cellarena.model.predict;

/**
 * Pastes a {@code S x S} mask probability map into its box at image resolution the way mmdet's
 * {@code _do_paste_mask} does: bilinear sampling with {@code grid_sample(align_corners=False)} semantics, zero
 * outside the map.
 */
public final class MaskPaster {
  private MaskPaster() {}

  /**
   * @param masks mask maps, {@code S*S} per detection
   * @param index which detection
   * @param box {@code (x1, y1, x2, y2)} in image pixels
   */
  public static PastedMask paste(float[] masks, int index, int size, float[] box, int imageWidth, int imageHeight,
      float score, int label) {
    float bx1 = box[0], by1 = box[1], bx2 = box[2], by2 = box[3];
    int x0 = Math.max(0, (int) Math.floor(bx1) - 1);
    int y0 = Math.max(0, (int) Math.floor(by1) - 1);
    int x1 = Math.min(imageWidth, (int) Math.ceil(bx2) + 1);
    int y1 = Math.min(imageHeight, (int) Math.ceil(by2) + 1);
    int w = Math.max(0, x1 - x0);
    int h = Math.max(0, y1 - y0);
    float[] out = new float[w * h];
    float bw = Math.max(bx2 - bx1, 1e-3f);
    float bh = Math.max(by2 - by1, 1e-3f);
    int base = index * size * size;
    float[] u = new float[w];
    for (int x = 0; x < w; x++) {
      u[x] = (x0 + x + 0.5f - bx1) / bw * size - 0.5f;
    }
    for (int y = 0; y < h; y++) {
      float v = (y0 + y + 0.5f - by1) / bh * size - 0.5f;
      int vl = (int) Math.floor(v);
      float fv = v - vl;
      for (int x = 0; x < w; x++) {
        int ul = (int) Math.floor(u[x]);
        float fu = u[x] - ul;
        float s = at(masks, base, size, vl, ul) * (1 - fv) * (1 - fu)
            + at(masks, base, size, vl, ul + 1) * (1 - fv) * fu
            + at(masks, base, size, vl + 1, ul) * fv * (1 - fu)
            + at(masks, base, size, vl + 1, ul + 1) * fv * fu;
        out[y * w + x] = s;
      }
    }
    return new PastedMask(x0, y0, w, h, out, score, label);
  }

  private static float at(float[] m, int base, int size, int r, int c) {
    return r < 0 || c < 0 || r >= size || c >= size ? 0f : m[base + r * size + c];
  }
}
