package org.cellarena.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.cellarena.model.layers.StepProfile;

/**
 * Aligned multi-level RoIAlign built from matrix products (DJL's PyTorch engine has no roi_align): for a chunk of
 * RoIs on one image and level, {@code out = A_y F A_x^T} with the {@link AxisWeights} matrices, restricted to the
 * window of rows and columns the chunk touches. Gradients reach the features through the engine's autograd.
 */
public final class RoiAlign {
  private final int outputSize;
  private final int samplingRatio;
  private final int chunk;
  private final Mode mode;
  private StepProfile profile = StepProfile.OFF;

  /** How a chunk's feature window is taken: chosen by size, or forced (tests). */
  public enum Mode { AUTO, SHARED, PER_ROI }

  public RoiAlign(int outputSize, int samplingRatio, int chunk) {
    this(outputSize, samplingRatio, chunk, Mode.AUTO);
  }

  public RoiAlign(int outputSize, int samplingRatio, int chunk, Mode mode) {
    this.outputSize = outputSize;
    this.samplingRatio = samplingRatio;
    this.chunk = chunk;
    this.mode = mode;
  }

  /** Where the host work (interpolation matrices) is timed. */
  public void profile(StepProfile p) {
    this.profile = p;
  }

  public int outputSize() {
    return outputSize;
  }

  /**
   * @param features per level {@code (B, C, H, W)}
   * @param strides per level stride
   * @param rois {@code (x1, y1, x2, y2)} per RoI in image coordinates
   * @param batch image index of each RoI
   * @param levels level of each RoI
   * @return {@code (R, C, P, P)} in the order of {@code rois}
   */
  public NDArray apply(NDList features, int[] strides, float[] rois, int[] batch, int[] levels) {
    int n = batch.length;
    NDArray f0 = features.get(0);
    long channels = f0.getShape().get(1);
    if (n == 0) {
      return f0.getManager().zeros(new Shape(0, channels, outputSize, outputSize));
    }
    Integer[] order = new Integer[n];
    float[] area = new float[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      area[i] = (rois[4 * i + 2] - rois[4 * i]) * (rois[4 * i + 3] - rois[4 * i + 1]);
    }
    // chunks of RoIs of similar size, so per-RoI windows of one chunk waste little
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> batch[i]).thenComparingInt(i -> levels[i])
        .thenComparingDouble(i -> area[i]));
    NDManager parent = f0.getManager();
    try (NDManager scope = parent.newSubManager()) {
      List<NDArray> parts = new ArrayList<>();
      int[] placed = new int[n];
      int start = 0;
      while (start < n) {
        int b = batch[order[start]];
        int l = levels[order[start]];
        int end = start + 1;
        while (end < n && end - start < chunk && batch[order[end]] == b && levels[order[end]] == l) {
          end++;
        }
        int[] idx = new int[end - start];
        for (int k = start; k < end; k++) {
          idx[k - start] = order[k];
          placed[order[k]] = k;
        }
        NDArray map = features.get(l).get(b);
        map.attach(scope);
        parts.add(pool(map, 1f / strides[l], rois, idx, parent));
        start = end;
      }
      NDArray sorted = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 0);
      long[] inverse = new long[n];
      for (int i = 0; i < n; i++) {
        inverse[i] = placed[i];
      }
      // the index array borrows Java memory and the backward pass reads it: it must outlive this scope
      NDArray out = sorted.get(new NDIndex("{}", parent.create(inverse)));
      out.attach(parent);
      return out;
    }
  }

  /**
   * RoIAlign of some RoIs on one feature map {@code (C, H, W)}. The chunk either shares one window of the map (the
   * union of what its RoIs touch) or, when that would be larger, takes a same-sized window per RoI (stacked), so
   * that memory follows the RoIs' size rather than the image's.
   */
  public NDArray pool(NDArray feature, float scale, float[] rois, int[] idx) {
    return pool(feature, scale, rois, idx, feature.getManager());
  }

  /**
   * As {@link #pool(NDArray, float, float[], int[])}, creating the interpolation matrices in {@code constants}: arrays
   * made from Java data borrow their memory, and autograd needs them until the backward pass, so they must live in
   * a manager that stays open until then.
   */
  public NDArray pool(NDArray feature, float scale, float[] rois, int[] idx, NDManager constants) {
    Shape s = feature.getShape();
    int c = (int) s.get(0);
    int h = (int) s.get(1);
    int w = (int) s.get(2);
    int k = idx.length;
    int p = outputSize;
    long clock = profile.start();
    AxisWeights[] ay = new AxisWeights[k];
    AxisWeights[] ax = new AxisWeights[k];
    int y0 = h, y1 = 0, x0 = w, x1 = 0;
    int hm = 0, wm = 0;
    for (int i = 0; i < k; i++) {
      int r = idx[i];
      ay[i] = AxisWeights.compute(rois[4 * r + 1] * scale - 0.5f, rois[4 * r + 3] * scale - 0.5f, p, h, samplingRatio);
      ax[i] = AxisWeights.compute(rois[4 * r] * scale - 0.5f, rois[4 * r + 2] * scale - 0.5f, p, w, samplingRatio);
      if (ay[i].hi > ay[i].lo && ax[i].hi > ax[i].lo) {
        y0 = Math.min(y0, ay[i].lo);
        y1 = Math.max(y1, ay[i].hi);
        x0 = Math.min(x0, ax[i].lo);
        x1 = Math.max(x1, ax[i].hi);
        hm = Math.max(hm, ay[i].hi - ay[i].lo);
        wm = Math.max(wm, ax[i].hi - ax[i].lo);
      }
    }
    profile.host("roi_align_weights", clock);
    NDManager m = feature.getManager();
    if (y1 <= y0 || x1 <= x0) {
      return m.zeros(new Shape(k, c, p, p));
    }
    boolean perRoi = mode == Mode.PER_ROI
        || (mode == Mode.AUTO && (long) k * hm * wm < (long) (y1 - y0) * (x1 - x0));
    try (NDManager scope = m.newSubManager()) {
      feature.tempAttach(scope);
      NDArray out = perRoi ? perRoiWindows(feature, ay, ax, hm, wm, constants)
          : sharedWindow(feature, ay, ax, y0, y1, x0, x1, constants);
      out.attach(m);
      return out;
    }
  }

  private NDArray sharedWindow(NDArray feature, AxisWeights[] ay, AxisWeights[] ax, int y0, int y1, int x0, int x1,
      NDManager constants) {
    Shape s = feature.getShape();
    int c = (int) s.get(0);
    int k = ay.length;
    int p = outputSize;
    int wh = y1 - y0;
    int ww = x1 - x0;
    long clock = profile.start();
    float[] my = new float[k * p * wh];
    float[] mx = new float[k * ww * p];
    for (int i = 0; i < k; i++) {
      for (int q = 0; q < p; q++) {
        ay[i].copyRow(q, y0, my, (i * p + q) * wh, wh);
        for (int x = 0; x < ww; x++) {
          mx[(i * ww + x) * p + q] = ax[i].weight(q, x0 + x);
        }
      }
    }
    NDArray window = feature.get(new NDIndex(":, {}:{}, {}:{}", y0, y1, x0, x1));
    NDArray rows = constants.create(my, new Shape((long) k * p, wh));
    NDArray cols = constants.create(mx, new Shape(k, ww, p));
    profile.host("roi_align_weights", clock);
    // (k*p, wh) x (wh, c*ww) -> (k, p, c, ww) -> (k, c*p, ww) x (k, ww, p) -> (k, c, p, p)
    NDArray t = rows.matMul(window.transpose(1, 0, 2).reshape(wh, (long) c * ww));
    t = t.reshape(k, p, c, ww).transpose(0, 2, 1, 3).reshape(k, (long) c * p, ww);
    return t.matMul(cols).reshape(k, c, p, p);
  }

  private NDArray perRoiWindows(NDArray feature, AxisWeights[] ay, AxisWeights[] ax, int hm, int wm,
      NDManager constants) {
    Shape s = feature.getShape();
    int c = (int) s.get(0);
    int h = (int) s.get(1);
    int w = (int) s.get(2);
    int k = ay.length;
    int p = outputSize;
    long clock = profile.start();
    float[] my = new float[k * p * hm];
    float[] mx = new float[k * wm * p];
    NDList windows = new NDList(k);
    for (int i = 0; i < k; i++) {
      int ys = Math.min(ay[i].lo, h - hm);
      int xs = Math.min(ax[i].lo, w - wm);
      windows.add(feature.get(new NDIndex(":, {}:{}, {}:{}", ys, ys + hm, xs, xs + wm)));
      for (int q = 0; q < p; q++) {
        ay[i].copyRow(q, ys, my, (i * p + q) * hm, hm);
        for (int x = 0; x < wm; x++) {
          mx[(i * wm + x) * p + q] = ax[i].weight(q, xs + x);
        }
      }
    }
    profile.host("roi_align_weights", clock);
    NDArray stacked = NDArrays.stack(windows); // (k, c, hm, wm)
    NDArray rows = constants.create(my, new Shape(k, p, hm));
    NDArray cols = constants.create(mx, new Shape(k, wm, p));
    // (k, p, hm) x (k, hm, c*wm) -> (k, p, c, wm) -> (k, c*p, wm) x (k, wm, p) -> (k, c, p, p)
    NDArray t = rows.matMul(stacked.transpose(0, 2, 1, 3).reshape(k, hm, (long) c * wm));
    t = t.reshape(k, p, c, wm).transpose(0, 2, 1, 3).reshape(k, (long) c * p, wm);
    return t.matMul(cols).reshape(k, c, p, p);
  }
}
