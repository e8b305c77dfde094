package org.cellarena.model.structures;

import java.util.ArrayList;
import java.util.List;
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
  }

  /** Samples from an assignment made by {@link MaxIoUAssigner}. */
  public Sample sample(int[] assigned, Random random) {
    List<Integer> pos = new ArrayList<>();
    List<Integer> neg = new ArrayList<>();
    for (int i = 0; i < assigned.length; i++) {
      if (assigned[i] >= 0) {
        pos.add(i);
      } else if (assigned[i] == MaxIoUAssigner.NEGATIVE) {
        neg.add(i);
      }
    }
    int[] p = choose(pos, (int) (num * posFraction), random);
    int[] n = choose(neg, num - p.length, random);
    return new Sample(p, n);
  }

  private static int[] choose(List<Integer> from, int k, Random random) {
    int take = Math.min(k, from.size());
    List<Integer> copy = new ArrayList<>(from);
    int[] out = new int[take];
    for (int i = 0; i < take; i++) {
      int j = i + random.nextInt(copy.size() - i);
      Integer t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
      out[i] = copy.get(i);
    }
    return out;
  }
}
