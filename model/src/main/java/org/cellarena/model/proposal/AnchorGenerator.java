package org.cellarena.model.proposal;

/**
 * mmdet's {@code AnchorGenerator}: per level, base anchors of side {@code stride * scale} for each ratio
 * ({@code h = side * sqrt(r)}, {@code w = side / sqrt(r)}) centred at {@code (x * stride, y * stride)}, in the order
 * {@code (y * W + x) * A + a} with {@code a} running over ratios, then scales.
 */
public final class AnchorGenerator {
  private final int[] strides;
  private final float[] ratios;
  private final float[] scales;

  public AnchorGenerator(int[] strides, float[] ratios, float[] scales) {
    this.strides = strides.clone();
    this.ratios = ratios.clone();
    this.scales = scales.clone();
  }

  /** Anchors per location. */
  public int anchorsPerLocation() {
    return ratios.length * scales.length;
  }

  public int[] strides() {
    return strides.clone();
  }

  /** Anchors of one level on a {@code height x width} feature map, flat (x1, y1, x2, y2). */
  public float[] anchors(int level, int height, int width) {
    int stride = strides[level];
    int a = anchorsPerLocation();
    float[] base = new float[4 * a];
    int k = 0;
    for (float r : ratios) {
      float hRatio = (float) Math.sqrt(r);
      float wRatio = 1f / hRatio;
      for (float s : scales) {
        float w = stride * wRatio * s;
        float h = stride * hRatio * s;
        base[4 * k] = -0.5f * w;
        base[4 * k + 1] = -0.5f * h;
        base[4 * k + 2] = 0.5f * w;
        base[4 * k + 3] = 0.5f * h;
        k++;
      }
    }
    float[] out = new float[height * width * a * 4];
    int o = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float sx = x * stride;
        float sy = y * stride;
        for (int i = 0; i < a; i++) {
          out[o++] = base[4 * i] + sx;
          out[o++] = base[4 * i + 1] + sy;
          out[o++] = base[4 * i + 2] + sx;
          out[o++] = base[4 * i + 3] + sy;
        }
      }
    }
    return out;
  }
}
