package org.cellarena.model.structures;

import java.util.Arrays;

/** Orders and top-k of float arrays on primitive arrays (no boxing): largest first, ties by index. */
public final class TopK {
  private TopK() {}

  /** Indices (relative to {@code from}) of the {@code k} largest of {@code values[from, from+len)}. */
  public static int[] topK(float[] values, int from, int len, int k) {
    int[] order = descending(values, from, len);
    return order.length <= k ? order : Arrays.copyOf(order, k);
  }

  /**
   * All indices (relative to {@code from}) of {@code values[from, from+len)}, largest value first and equal values in
   * index order (as a stable sort). Each value and its index are packed into one long and the longs sorted.
   */
  public static int[] descending(float[] values, int from, int len) {
    long[] keys = new long[len];
    for (int i = 0; i < len; i++) {
      int bits = Float.floatToIntBits(values[from + i]);
      int ordered = bits ^ ((bits >> 31) & 0x7fffffff); // as ints, in the order of the floats
      keys[i] = ((long) ~ordered << 32) | i; // ~ reverses the order: largest first
    }
    Arrays.sort(keys);
    int[] out = new int[len];
    for (int i = 0; i < len; i++) {
      out[i] = (int) keys[i];
    }
    return out;
  }
}
