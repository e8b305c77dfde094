package org.cellarena.model.structures;

import java.util.Arrays;
import java.util.Random;

/**
 * mmdet's {@code RandomSampler}: up to {@code num * posFraction} random positives, the rest of {@code num} filled
 * with random negatives.
 */
public final class RandomSampler {
  private final int num;
  private final float posFraction;

  public RandomSampler(int num, float posFraction) {
    this.num = num;
    this.posFraction = posFraction;
  }

  /** Sampled positive and negative box indices. */
  public record Sample(int[] positives, int[] negatives) {
    public int size() {
      return positives.length + negatives.length;
    }

    /** The positives, then the negatives. */
    public int[] indices() {
      return FlatArrays.concat(positives, negatives);
    }
  }

  /** Samples from an assignment made by {@link MaxIoUAssigner}. */
  public Sample sample(int[] assigned, Random random) {
    int[] pos = new int[assigned.length];
    int[] neg = new int[assigned.length];
    int np = 0;
    int nn = 0;
    for (int i = 0; i < assigned.length; i++) {
      if (assigned[i] >= 0) {
        pos[np++] = i;
      } else if (assigned[i] == MaxIoUAssigner.NEGATIVE) {
        neg[nn++] = i;
      }
    }
    int[] p = choose(pos, np, (int) (num * posFraction), random);
    int[] n = choose(neg, nn, num - p.length, random);
    return new Sample(p, n);
  }

  /** The first {@code k} of a partial Fisher-Yates shuffle of {@code from[0, size)} (shuffled in place). */
  private static int[] choose(int[] from, int size, int k, Random random) {
    int take = Math.min(k, size);
    for (int i = 0; i < take; i++) {
      int j = i + random.nextInt(size - i);
      int t = from[i];
      from[i] = from[j];
      from[j] = t;
    }
    return Arrays.copyOf(from, take);
  }
}
