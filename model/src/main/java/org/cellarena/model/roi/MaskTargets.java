package org.cellarena.model.roi;

import org.cellarena.model.data.GtMask;
import org.cellarena.model.data.ImageTransform;

/**
 * The {@code size x size} mask target of a positive RoI (mmdet {@code BitmapMasks.crop_and_resize}): the RoI is
 * mapped back to original image pixels, the ground-truth bitmap is RoIAligned there (aligned, adaptive sampling),
 * mirrored for flipped inputs, and binarised at 0.5.
 */
public final class MaskTargets {
  private MaskTargets() {}

  public static float[] target(GtMask mask, float[] roiInInput, ImageTransform t, int size) {
    float[] r = t.backward(roiInInput);
    AxisWeights ay = AxisWeights.compute(r[1] - 0.5f, r[3] - 0.5f, size, t.originalHeight(), 0);
    AxisWeights ax = AxisWeights.compute(r[0] - 0.5f, r[2] - 0.5f, size, t.originalWidth(), 0);
    float[] out = new float[size * size];
    int ylo = Math.max(ay.lo, mask.y0);
    int yhi = Math.min(ay.hi, mask.y0 + mask.height);
    int xlo = Math.max(ax.lo, mask.x0);
    int xhi = Math.min(ax.hi, mask.x0 + mask.width);
    if (ylo >= yhi || xlo >= xhi) {
      return out;
    }
    float[] tmp = new float[size * (xhi - xlo)];
    for (int p = 0; p < size; p++) {
      for (int y = ylo; y < yhi; y++) {
        float wy = ay.weight(p, y);
        if (wy == 0f) {
          continue;
        }
        int row = (y - mask.y0) * mask.width;
        for (int x = xlo; x < xhi; x++) {
          tmp[p * (xhi - xlo) + x - xlo] += wy * mask.bits[row + x - mask.x0];
        }
      }
    }
    for (int p = 0; p < size; p++) {
      int op = t.flipV() ? size - 1 - p : p;
      for (int q = 0; q < size; q++) {
        float v = 0f;
        for (int x = xlo; x < xhi; x++) {
          v += tmp[p * (xhi - xlo) + x - xlo] * ax.weight(q, x);
        }
        int oq = t.flipH() ? size - 1 - q : q;
        out[op * size + oq] = v >= 0.5f ? 1f : 0f;
      }
    }
    return out;
  }
}
