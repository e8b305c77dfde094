package org.cellarena.model.roi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoiAlignTest {

  /** A 4x4 map with F[y][x] = 10y + x (bilinear interpolation of it is exact). */
  private static float[] ramp() {
    float[] f = new float[16];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        f[y * 4 + x] = 10 * y + x;
      }
    }
    return f;
  }

  @Test
  void valuesWorkedOutByHand() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray f = m.create(ramp(), new Shape(1, 4, 4));
      RoiAlign align = new RoiAlign(2, 0, 16);
      // RoI (0,0,4,4) at stride 1: start -0.5, bins of 2, 2 samples per bin at 0 and 1 (bin 0), 2 and 3 (bin 1)
      NDArray inside = align.pool(f, 1f, new float[] {0, 0, 4, 4}, new int[] {0});
      NDArray perRoi = new RoiAlign(2, 0, 16, RoiAlign.Mode.PER_ROI).pool(f, 1f, new float[] {0, 0, 4, 4}, new int[] {0});
      assertArrayEquals(inside.toFloatArray(), perRoi.toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {5.5f, 7.5f, 25.5f, 27.5f}, inside.toFloatArray(), 1e-5f);
      // RoI (-4,-4,2,2), partly outside: bins of 3, 3 samples; bin 0 samples at -4,-3,-2 (< -1: contribute 0);
      // bin 1 samples at -1 (clamped to 0), 0, 1 -> row weights 2/3, 1/3, divided over all 3 samples
      NDArray outside = align.pool(f, 1f, new float[] {-4, -4, 2, 2}, new int[] {0});
      assertArrayEquals(new float[] {0f, 0f, 0f, 11f / 3f}, outside.toFloatArray(), 1e-5f);
      // same RoI at stride 2 on the image: (0,0,8,8) -> the first case
      NDArray strided = align.pool(f, 0.5f, new float[] {0, 0, 8, 8}, new int[] {0});
      assertArrayEquals(inside.toFloatArray(), strided.toFloatArray(), 1e-5f);
      // RoI entirely outside the map: zeros
      NDArray gone = align.pool(f, 1f, new float[] {10, 10, 14, 14}, new int[] {0});
      assertArrayEquals(new float[4], gone.toFloatArray(), 0f);
    }
  }

  @Test
  void gradientWorkedOutByHand() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray f = m.create(ramp(), new Shape(1, 4, 4));
      f.setRequiresGradient(true);
      NDArray g = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = new RoiAlign(2, 0, 16).pool(f, 1f, new float[] {0, 0, 4, 4}, new int[] {0});
        gc.backward(out.mul(g).sum());
      }
      // dL/dF[i][j] = sum_pq G[p][q] A_y[p][i] A_x[q][j], A rows (0.5, 0.5, 0, 0) and (0, 0, 0.5, 0.5)
      float[] expected = {
          0.25f, 0.25f, 0.5f, 0.5f,
          0.25f, 0.25f, 0.5f, 0.5f,
          0.75f, 0.75f, 1.0f, 1.0f,
          0.75f, 0.75f, 1.0f, 1.0f};
      assertArrayEquals(expected, f.getGradient().toFloatArray(), 1e-6f);
    }
  }

  /** mmcv's roi_align forward (aligned, adaptive sampling, average), sample by sample in 2D. */
  private static float reference(float[] f, int h, int w, float[] roi, float scale, int p, int py, int px) {
    float sx = roi[0] * scale - 0.5f, sy = roi[1] * scale - 0.5f;
    float rw = roi[2] * scale - 0.5f - sx, rh = roi[3] * scale - 0.5f - sy;
    float bw = rw / p, bh = rh / p;
    int gw = (int) Math.ceil(rw / p), gh = (int) Math.ceil(rh / p);
    float sum = 0;
    for (int iy = 0; iy < gh; iy++) {
      float y = sy + py * bh + (iy + 0.5f) * bh / gh;
      for (int ix = 0; ix < gw; ix++) {
        float x = sx + px * bw + (ix + 0.5f) * bw / gw;
        sum += bilinear(f, h, w, y, x);
      }
    }
    return sum / Math.max(1, gh * gw);
  }

  private static float bilinear(float[] f, int h, int w, float y, float x) {
    if (y < -1 || y > h || x < -1 || x > w) {
      return 0;
    }
    y = Math.max(y, 0);
    x = Math.max(x, 0);
    int y0 = (int) y, x0 = (int) x, y1, x1;
    if (y0 >= h - 1) {
      y1 = y0 = h - 1;
      y = y0;
    } else {
      y1 = y0 + 1;
    }
    if (x0 >= w - 1) {
      x1 = x0 = w - 1;
      x = x0;
    } else {
      x1 = x0 + 1;
    }
    float ly = y - y0, lx = x - x0;
    return (1 - ly) * (1 - lx) * f[y0 * w + x0] + (1 - ly) * lx * f[y0 * w + x1]
        + ly * (1 - lx) * f[y1 * w + x0] + ly * lx * f[y1 * w + x1];
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(RoiAlign.Mode.class)
  void multiLevelBatchMatchesTheSampleBySampleReference(RoiAlign.Mode mode) {
    Random r = new Random(5);
    int[] strides = {4, 8};
    int[][] sizes = {{20, 24}, {10, 12}};
    try (NDManager m = NDManager.newBaseManager()) {
      float[][] data = new float[2][];
      NDList levels = new NDList();
      for (int l = 0; l < 2; l++) {
        data[l] = new float[2 * 3 * sizes[l][0] * sizes[l][1]];
        for (int i = 0; i < data[l].length; i++) {
          data[l][i] = r.nextFloat() * 2 - 1;
        }
        levels.add(m.create(data[l], new Shape(2, 3, sizes[l][0], sizes[l][1])));
      }
      int n = 40;
      float[] rois = new float[4 * n];
      int[] batch = new int[n];
      int[] level = new int[n];
      for (int i = 0; i < n; i++) {
        float x = r.nextFloat() * 110 - 15, y = r.nextFloat() * 90 - 15; // some partly outside the 96x80 image
        rois[4 * i] = x;
        rois[4 * i + 1] = y;
        rois[4 * i + 2] = x + 1 + r.nextFloat() * 40;
        rois[4 * i + 3] = y + 1 + r.nextFloat() * 40;
        batch[i] = r.nextInt(2);
        level[i] = r.nextInt(2);
      }
      int p = 7;
      float[] out = new RoiAlign(p, 0, 8, mode).apply(levels, strides, rois, batch, level).toFloatArray();
      assertEquals(n * 3 * p * p, out.length);
      for (int i = 0; i < n; i++) {
        int l = level[i];
        int h = sizes[l][0], w = sizes[l][1];
        float[] roi = java.util.Arrays.copyOfRange(rois, 4 * i, 4 * i + 4);
        for (int c = 0; c < 3; c++) {
          float[] map = java.util.Arrays.copyOfRange(data[l], (batch[i] * 3 + c) * h * w, (batch[i] * 3 + c + 1) * h * w);
          for (int py = 0; py < p; py++) {
            for (int px = 0; px < p; px++) {
              float expected = reference(map, h, w, roi, 1f / strides[l], p, py, px);
              assertEquals(expected, out[((i * 3 + c) * p + py) * p + px], 1e-4f, "roi " + i + " c " + c);
            }
          }
        }
      }
    }
  }
}
