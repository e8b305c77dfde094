package org.cellarena.model.roi;

/**
 * One axis of aligned RoIAlign (mmcv {@code roi_align}, aligned=true, average pooling) as an interpolation matrix:
 * {@code w[p * size + i]} is the weight of input row (or column) {@code i} in output bin {@code p}, the mean over the
 * bin's sample points of their bilinear weights. Samples outside {@code [-1, size]} contribute 0. Because the 2D
 * bilinear weight is the product of the two axes' weights, RoIAlign is {@code A_y F A_x^T}.
 */
public final class AxisWeights {
  /** Row-major {@code bins x (hi - lo)}: the weights of indices {@code lo..hi-1} (all others are 0). */
  private final float[] window;
  private final int bins;
  /** First index with a non-zero weight in any bin (inclusive). */
  public final int lo;
  /** Last index with a non-zero weight in any bin, plus one; {@code lo == hi} when everything is 0. */
  public final int hi;

  private AxisWeights(float[] window, int bins, int lo, int hi) {
    this.window = window;
    this.bins = bins;
    this.lo = lo;
    this.hi = hi;
  }

  /** The weight of input index {@code i} in output bin {@code bin}. */
  public float weight(int bin, int i) {
    return i < lo || i >= hi ? 0f : window[bin * (hi - lo) + i - lo];
  }

  /** Copies the weights of indices {@code from .. from+len-1} in bin {@code bin} to {@code dst} (0 outside the window). */
  public void copyRow(int bin, int from, float[] dst, int dstOffset, int len) {
    int a = Math.max(from, lo);
    int b = Math.min(from + len, hi);
    if (a < b) {
      System.arraycopy(window, bin * (hi - lo) + a - lo, dst, dstOffset + a - from, b - a);
    }
  }

  /**
   * @param start RoI start in feature-map coordinates (image coordinate * scale - 0.5)
   * @param end RoI end in feature-map coordinates
   * @param bins output size along this axis
   * @param size feature-map size along this axis
   * @param samplingRatio samples per bin, 0 for adaptive ({@code ceil(roi / bins)})
   */
  public static AxisWeights compute(float start, float end, int bins, int size, int samplingRatio) {
    float roi = end - start;
    float bin = roi / bins;
    int grid = samplingRatio > 0 ? samplingRatio : (int) Math.ceil(roi / bins);
    if (grid <= 0) {
      return new AxisWeights(new float[0], bins, 0, 0);
    }
    // the samples' neighbours and weights first, then the window they span
    int n = bins * grid;
    int[] low = new int[n];
    float[] frac = new float[n];
    boolean[] used = new boolean[n];
    int lo = size;
    int hi = 0;
    for (int p = 0; p < bins; p++) {
      for (int g = 0; g < grid; g++) {
        float y = start + p * bin + (g + 0.5f) * bin / grid;
        if (y < -1f || y > size) {
          continue;
        }
        if (y <= 0f) {
          y = 0f;
        }
        int l = (int) Math.floor(y);
        int high;
        if (l >= size - 1) {
          l = size - 1;
          high = l;
          y = l;
        } else {
          high = l + 1;
        }
        int k = p * grid + g;
        low[k] = l;
        frac[k] = y - l;
        used[k] = true;
        lo = Math.min(lo, l);
        hi = Math.max(hi, high + 1);
      }
    }
    if (lo >= hi) {
      return new AxisWeights(new float[0], bins, 0, 0);
    }
    int width = hi - lo;
    float[] w = new float[bins * width];
    float inv = 1f / grid;
    for (int k = 0; k < n; k++) {
      if (!used[k]) {
        continue;
      }
      int row = (k / grid) * width - lo;
      int l = low[k];
      w[row + l] += (1f - frac[k]) * inv;
      w[row + Math.min(l + 1, size - 1)] += frac[k] * inv;
    }
    return new AxisWeights(w, bins, lo, hi);
  }
}
