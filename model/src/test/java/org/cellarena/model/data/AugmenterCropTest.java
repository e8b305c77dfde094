package org.cellarena.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random crops: pixels cut exactly, whole cells shifted, cut cells kept with their visible part or dropped. */
class AugmenterCropTest {
  private static AnnotatedImage image() {
    int w = 40, h = 30;
    float[] v = new float[w * h];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 251;
    }
    float[] full = new float[4 * 4];
    java.util.Arrays.fill(full, 1f);
    GtMask inside = new GtMask(12, 12, 4, 4, full.clone()); // wholly inside the window below
    GtMask half = new GtMask(8, 14, 4, 4, full.clone()); // columns 8..11: half in a window from x = 10
    GtMask sliver = new GtMask(7, 20, 4, 4, full.clone()); // columns 7..10: a quarter in the window
    GtMask outside = new GtMask(0, 0, 4, 4, full.clone());
    return new AnnotatedImage("a", new GrayImage(w, h, v), new GtMask[] {inside, half, sliver, outside},
        new int[] {0, 1, 2, 0});
  }

  @Test
  void cropsPixelsAndCells() {
    AnnotatedImage a = image();
    AnnotatedImage c = Augmenter.crop(a, 10, 10, 20, 15);
    assertEquals(20, c.image().width);
    assertEquals(15, c.image().height);
    assertEquals(a.image().values[(10 + 3) * 40 + 10 + 5], c.image().values[3 * 20 + 5]);
    assertEquals(2, c.masks().length, "the inside cell and the half-visible one; the sliver and the outside one dropped");
    assertArrayEquals(new int[] {0, 1}, c.labels());
    assertArrayEquals(new float[] {2, 2, 6, 6}, c.masks()[0].box());
    assertArrayEquals(new float[] {0, 4, 2, 8}, c.masks()[1].box(), "only the visible columns 10..11");
    for (float b : c.masks()[1].bits) {
      assertEquals(1f, b);
    }
  }

  @Test
  void randomCropPrefersAWindowWithCellsAndKeepsSmallImagesWhole() {
    AnnotatedImage a = image();
    AnnotatedImage c = Augmenter.randomCrop(a, 16, 16, new Random(3));
    assertEquals(16, c.image().width);
    assertTrue(c.masks().length > 0);
    assertTrue(Augmenter.randomCrop(a, 64, 64, new Random(3)) == a, "no crop when the window is not smaller");
    DataConfig config = new DataConfig(List.of(new int[] {16, 16}), new int[] {40, 40}, 0f, 0f, false, 2, 1,
        List.of("cell"), new int[] {16, 16}, 1, false, java.util.Map.of());
    Sample s = new Augmenter(config).apply(a, true, new Random(1));
    assertEquals(16, s.width());
    assertEquals(16, s.height());
  }
}
