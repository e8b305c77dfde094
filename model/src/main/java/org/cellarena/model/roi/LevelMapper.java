package org.cellarena.model.roi;

/** mmdet's RoI-to-level rule: {@code floor(log2(sqrt(w*h) / finestScale + 1e-6))}, clamped to the levels. */
public final class LevelMapper {
  private final float finestScale;
  private final int levels;

  public LevelMapper(float finestScale, int levels) {
    this.finestScale = finestScale;
    this.levels = levels;
  }

  public int[] map(float[] rois) {
    int n = rois.length / 4;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      double scale = Math.sqrt(Math.max(0f, rois[4 * i + 2] - rois[4 * i]) * Math.max(0f, rois[4 * i + 3] - rois[4 * i + 1]));
      int l = (int) Math.floor(Math.log(scale / finestScale + 1e-6) / Math.log(2));
      out[i] = Math.max(0, Math.min(levels - 1, l));
    }
    return out;
  }
}
