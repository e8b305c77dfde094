package org.cellarena.model.roi;

/**
 * One axis of aligned RoIAlign (mmcv {@code roi_align}, aligned=true, average pooling) as an interpolation matrix:
 * {@code w[p * size + i]} is the weight of input row (or column) {@code i} in output bin {@code p}, the mean over the
 * bin's sample points of their bilinear weights. Samples outside {@code [-1, size]} contribute 0. Because the 2D
 * bilinear weight is the product of the two axes' weights, RoIAlign is {@code A_y F A_x^T}.
 */
public final class AxisWeights {
  /** The dense {@code bins x size} matrix. */
  public final float[] weights;
  /** First index with a non-zero weight in any bin (inclusive). */
  public final int lo;
  /** Last index with a non-zero weight in any bin, plus one; {@code lo == hi} when everything is 0. */
  public final int hi;

  private AxisWeights(float[] weights, int lo, int hi) {
    this.weights = weights;
    this.lo = lo;
    this.hi = hi;
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
    float[] w = new float[bins * size];
    int lo = size;
    int hi = 0;
    if (grid <= 0) {
      return new AxisWeights(w, 0, 0);
    }
    float inv = 1f / grid;
    for (int p = 0; p < bins; p++) {
      for (int g = 0; g < grid; g++) {
        float y = start + p * bin + (g + 0.5f) * bin / grid;
        if (y < -1f || y > size) {
          continue;
        }
        if (y <= 0f) {
          y = 0f;
        }
        int low = (int) Math.floor(y);
        int high;
        if (low >= size - 1) {
          low = size - 1;
          high = low;
          y = low;
        } else {
          high = low + 1;
        }
        float l = y - low;
        w[p * size + low] += (1f - l) * inv;
        w[p * size + high] += l * inv;
        lo = Math.min(lo, low);
        hi = Math.max(hi, high + 1);
      }
    }
    if (lo >= hi) {
      lo = 0;
      hi = 0;
    }
    return new AxisWeights(w, lo, hi);
  }
}
