package org.cellarena.model.data;

/** mmdet's keep-ratio rescale: the largest factor that fits the long side into {@code long} and the short into {@code short}. */
public final class KeepRatioResize {
  private KeepRatioResize() {}

  /** {@code {newWidth, newHeight}} for an image rescaled to fit {@code scale = [long, short]}. */
  public static int[] size(int width, int height, int[] scale) {
    int longEdge = Math.max(scale[0], scale[1]);
    int shortEdge = Math.min(scale[0], scale[1]);
    double factor = Math.min((double) longEdge / Math.max(width, height), (double) shortEdge / Math.min(width, height));
    return new int[] {(int) (width * factor + 0.5), (int) (height * factor + 0.5)};
  }
}
