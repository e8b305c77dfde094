package org.cellarena.scoring.metric;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Percentile bootstrap of a mean: images resampled with replacement, seeded, so the interval is reproducible. */
public final class Bootstrap {
  public static final int RESAMPLES = 1000;
  public static final long SEED = 20211014L;

  private Bootstrap() {}

  /** The 95% interval [2.5th, 97.5th percentile] of the mean of {@code values}; [v, v] for one value. */
  public static double[] ci95(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] means = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextInt(n)];
      }
      means[r] = sum / n;
    }
    Arrays.sort(means);
    return new double[] {percentile(means, 0.025), percentile(means, 0.975)};
  }

  /** Linear interpolation between order statistics (numpy's default). */
  private static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lo = (int) Math.floor(position);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
  }
}
