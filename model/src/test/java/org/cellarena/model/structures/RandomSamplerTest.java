package org.cellarena.model.structures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSamplerTest {

  private static int[] assignment(int pos, int neg, int ignored) {
    int[] a = new int[pos + neg + ignored];
    for (int i = 0; i < a.length; i++) {
      a[i] = i < pos ? i % 3 : i < pos + neg ? MaxIoUAssigner.NEGATIVE : MaxIoUAssigner.IGNORE;
    }
    return a;
  }

  @Test
  void plentyOfPositivesFillsTheFraction() {
    RandomSampler.Sample s = new RandomSampler(256, 0.5f).sample(assignment(300, 1000, 50), new Random(1));
    assertEquals(128, s.positives().length);
    assertEquals(128, s.negatives().length);
    check(s, assignment(300, 1000, 50));
  }

  @Test
  void fewPositivesAreFilledUpWithNegatives() {
    RandomSampler.Sample s = new RandomSampler(512, 0.25f).sample(assignment(10, 1000, 50), new Random(2));
    assertEquals(10, s.positives().length);
    assertEquals(502, s.negatives().length);
    check(s, assignment(10, 1000, 50));
  }

  @Test
  void tooFewOfBothTakesEverything() {
    RandomSampler.Sample s = new RandomSampler(256, 0.5f).sample(assignment(5, 20, 100), new Random(3));
    assertEquals(5, s.positives().length);
    assertEquals(20, s.negatives().length);
  }

  private static void check(RandomSampler.Sample s, int[] a) {
    Set<Integer> seen = new HashSet<>();
    Arrays.stream(s.positives()).forEach(i -> {
      assertTrue(a[i] >= 0);
      assertTrue(seen.add(i));
    });
    Arrays.stream(s.negatives()).forEach(i -> {
      assertEquals(MaxIoUAssigner.NEGATIVE, a[i]);
      assertTrue(seen.add(i));
    });
  }
}
