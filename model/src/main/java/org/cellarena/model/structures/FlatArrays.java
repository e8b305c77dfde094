package org.cellarena.model.structures;

/**
 * Concatenation and selection of the flat primitive arrays that carry boxes, scores, labels and indices between the
 * host steps: rows of {@code width} values ({@code width = 4} for boxes, 1 for scores).
 */
public final class FlatArrays {
  private FlatArrays() {}

  public static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] out = new float[n];
    int o = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  public static int[] concat(int[]... parts) {
    int n = 0;
    for (int[] p : parts) {
      n += p.length;
    }
    int[] out = new int[n];
    int o = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  public static long[] concat(long[]... parts) {
    int n = 0;
    for (long[] p : parts) {
      n += p.length;
    }
    long[] out = new long[n];
    int o = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  /** Rows {@code idx} of {@code width} values each, in that order. */
  public static float[] selectRows(float[] v, int[] idx, int width) {
    float[] out = new float[idx.length * width];
    for (int k = 0; k < idx.length; k++) {
      System.arraycopy(v, width * idx[k], out, width * k, width);
    }
    return out;
  }

  /** The values at {@code idx}, in that order. */
  public static float[] select(float[] v, int[] idx) {
    return selectRows(v, idx, 1);
  }

  /** The values at {@code idx}, in that order. */
  public static int[] select(int[] v, int[] idx) {
    int[] out = new int[idx.length];
    for (int k = 0; k < idx.length; k++) {
      out[k] = v[idx[k]];
    }
    return out;
  }
}
