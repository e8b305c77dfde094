package org.cellarena.model.structures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKTest {
  @Test
  void descendingIsAStableSortLargestFirst() {
    Random r = new Random(7);
    float[] v = new float[5000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 5 == 0 ? 0.25f : i % 11 == 0 ? -0f : (float) r.nextGaussian() * 1e3f;
    }
    v[3] = Float.NEGATIVE_INFINITY;
    v[4] = Float.POSITIVE_INFINITY;
    Integer[] boxed = new Integer[v.length - 10];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Float.compare(v[10 + b], v[10 + a]));
    int[] expected = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    assertArrayEquals(expected, TopK.descending(v, 10, v.length - 10));
    assertArrayEquals(Arrays.copyOf(expected, 7), TopK.topK(v, 10, v.length - 10, 7));
  }
}
