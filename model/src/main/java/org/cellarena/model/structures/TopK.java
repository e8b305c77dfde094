package org.cellarena.model.structures;

import java.util.Arrays;

/** Indices of the largest values of a slice of a float array, largest first. */
public final class TopK {
  private TopK() {}

  /** Indices (relative to {@code from}) of the {@code k} largest of {@code values[from, from+len)}. */
  public static int[] topK(float[] values, int from, int len, int k) {
    Integer[] idx = new Integer[len];
    for (int i = 0; i < len; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Float.compare(values[from + b], values[from + a]));
    int take = Math.min(k, len);
    int[] out = new int[take];
    for (int i = 0; i < take; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
