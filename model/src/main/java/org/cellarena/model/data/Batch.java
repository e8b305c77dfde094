package org.cellarena.model.data;

import java.util.List;

/** Samples padded (bottom and right, zeros after normalisation) to one {@code height x width}, a multiple of 32. */
public record Batch(float[] pixels, int height, int width, List<Sample> samples) {

  public int size() {
    return samples.size();
  }

  /** Pads the samples to the smallest common size divisible by {@code divisor}. */
  public static Batch of(List<Sample> samples, int divisor) {
    int h = 0, w = 0;
    for (Sample s : samples) {
      h = Math.max(h, s.height());
      w = Math.max(w, s.width());
    }
    h = (h + divisor - 1) / divisor * divisor;
    w = (w + divisor - 1) / divisor * divisor;
    float[] px = new float[samples.size() * 3 * h * w];
    for (int b = 0; b < samples.size(); b++) {
      Sample s = samples.get(b);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < s.height(); y++) {
          System.arraycopy(s.pixels(), (c * s.height() + y) * s.width(), px, ((b * 3 + c) * h + y) * w, s.width());
        }
      }
    }
    return new Batch(px, h, w, samples);
  }
}
