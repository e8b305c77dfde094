package org.cellarena.scoring.metric;

/**
 * The ten IoU thresholds t_k = (10+k)/20, k = 0..9 (0.50, 0.55, ..., 0.95). A prediction matches a cell at t_k
 * when IoU > t_k strictly, decided in integers as {@code inter*20 > (10+k)*union} so ties are exact.
 */
public final class Thresholds {
  public static final int COUNT = 10;

  private Thresholds() {}

  public static double value(int k) {
    return (10 + k) / 20.0;
  }

  public static double[] values() {
    double[] t = new double[COUNT];
    for (int k = 0; k < COUNT; k++) {
      t[k] = value(k);
    }
    return t;
  }

  /** Whether IoU = inter/union exceeds t_k, strictly. */
  public static boolean exceeds(long inter, long union, int k) {
    return inter * 20 > (10L + k) * union;
  }

  /** The index k of a threshold given as a number (0.5, 0.55, ...); -1 when it is not one of the ten. */
  public static int indexOf(double threshold) {
    for (int k = 0; k < COUNT; k++) {
      if (Math.abs(value(k) - threshold) < 1e-9) {
        return k;
      }
    }
    return -1;
  }
}
