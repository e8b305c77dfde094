package org.cellarena.model.data;

/** mmdet's image normalisation: gray replicated to RGB, {@code (v - mean_c) / std_c} per channel. */
public final class Normalizer {
  private static final float[] MEAN = {123.68f, 116.779f, 103.939f};
  private static final float[] STD = {58.393f, 57.12f, 57.375f};

  private Normalizer() {}

  /** {@code (3, h, w)} flattened. */
  public static float[] toChw(GrayImage g) {
    int n = g.width * g.height;
    float[] out = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      float m = MEAN[c];
      float s = 1f / STD[c];
      for (int i = 0; i < n; i++) {
        out[c * n + i] = (g.values[i] - m) * s;
      }
    }
    return out;
  }
}
