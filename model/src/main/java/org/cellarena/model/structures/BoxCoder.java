package org.cellarena.model.structures;

/**
 * The delta-xywh box coder of Faster R-CNN (mmdet {@code DeltaXYWHBBoxCoder}): deltas
 * {@code ((gx-px)/pw, (gy-py)/ph, ln(gw/pw), ln(gh/ph))}, normalised by means and stds.
 */
public final class BoxCoder {
  /** mmdet clamps dw, dh at decode time to {@code |ln(1000/16)|}. */
  public static final float MAX_RATIO = (float) Math.abs(Math.log(16.0 / 1000.0));

  private final float[] means;
  private final float[] stds;

  public BoxCoder(float[] means, float[] stds) {
    this.means = means.clone();
    this.stds = stds.clone();
  }

  /** RPN coder: means 0, stds 1. */
  public static BoxCoder rpn() {
    return new BoxCoder(new float[] {0, 0, 0, 0}, new float[] {1, 1, 1, 1});
  }

  /** R-CNN coder: means 0, stds (0.1, 0.1, 0.2, 0.2). */
  public static BoxCoder rcnn() {
    return new BoxCoder(new float[] {0, 0, 0, 0}, new float[] {0.1f, 0.1f, 0.2f, 0.2f});
  }

  /** Deltas (4 per box) taking {@code proposals[i]} to {@code targets[i]}. */
  public float[] encode(float[] proposals, float[] targets) {
    int n = Boxes.count(proposals);
    float[] d = new float[4 * n];
    for (int i = 0; i < n; i++) {
      float pw = proposals[4 * i + 2] - proposals[4 * i];
      float ph = proposals[4 * i + 3] - proposals[4 * i + 1];
      float px = proposals[4 * i] + 0.5f * pw;
      float py = proposals[4 * i + 1] + 0.5f * ph;
      float gw = targets[4 * i + 2] - targets[4 * i];
      float gh = targets[4 * i + 3] - targets[4 * i + 1];
      float gx = targets[4 * i] + 0.5f * gw;
      float gy = targets[4 * i + 1] + 0.5f * gh;
      d[4 * i] = ((gx - px) / pw - means[0]) / stds[0];
      d[4 * i + 1] = ((gy - py) / ph - means[1]) / stds[1];
      d[4 * i + 2] = ((float) Math.log(gw / pw) - means[2]) / stds[2];
      d[4 * i + 3] = ((float) Math.log(gh / ph) - means[3]) / stds[3];
    }
    return d;
  }

  /**
   * Boxes from proposals and deltas ({@code deltaOffset}: index of the first delta of box 0 in {@code deltas},
   * {@code deltaStride}: floats between consecutive boxes' deltas), clipped to the image when width > 0.
   */
  public float[] decode(float[] proposals, float[] deltas, int deltaOffset, int deltaStride, float width, float height) {
    int n = Boxes.count(proposals);
    float[] out = new float[4 * n];
    for (int i = 0; i < n; i++) {
      int o = deltaOffset + i * deltaStride;
      float dx = deltas[o] * stds[0] + means[0];
      float dy = deltas[o + 1] * stds[1] + means[1];
      float dw = clamp(deltas[o + 2] * stds[2] + means[2]);
      float dh = clamp(deltas[o + 3] * stds[3] + means[3]);
      float pw = proposals[4 * i + 2] - proposals[4 * i];
      float ph = proposals[4 * i + 3] - proposals[4 * i + 1];
      float px = proposals[4 * i] + 0.5f * pw;
      float py = proposals[4 * i + 1] + 0.5f * ph;
      float gw = pw * (float) Math.exp(dw);
      float gh = ph * (float) Math.exp(dh);
      float gx = px + pw * dx;
      float gy = py + ph * dy;
      out[4 * i] = gx - 0.5f * gw;
      out[4 * i + 1] = gy - 0.5f * gh;
      out[4 * i + 2] = gx + 0.5f * gw;
      out[4 * i + 3] = gy + 0.5f * gh;
    }
    if (width > 0) {
      Boxes.clip(out, width, height);
    }
    return out;
  }

  /** Decode with deltas laid out contiguously (4 per box). */
  public float[] decode(float[] proposals, float[] deltas, float width, float height) {
    return decode(proposals, deltas, 0, 4, width, height);
  }

  private static float clamp(float v) {
    return Math.max(-MAX_RATIO, Math.min(MAX_RATIO, v));
  }
}
