package org.cellarena.model.data;

import java.util.Random;

/**
 * Turns an annotated image into a {@link Sample}: keep-ratio resize to a random training scale, random horizontal
 * and vertical flips, photometric distortion (random brightness and contrast, as mmdet's
 * {@code PhotoMetricDistortion} does on gray), normalisation. With {@code random_crop} a training image is first
 * cut to a random window in original pixels (cells cut to under {@link #MIN_VISIBLE} of their area are dropped, the
 * rest keep their visible part), so a small model sees cells at their real size on a small input. Without
 * training it only resizes to the test scale.
 */
public final class Augmenter {
  /** A cell cut by a crop stays in the ground truth when at least this fraction of its pixels is in the window. */
  public static final float MIN_VISIBLE = 0.3f;
  private static final int CROP_TRIES = 5;

  private final DataConfig config;

  public Augmenter(DataConfig config) {
    this.config = config;
  }

  public Sample apply(AnnotatedImage a, boolean train, Random random) {
    if (train && config.randomCrop() != null) {
      a = randomCrop(a, config.randomCrop()[0], config.randomCrop()[1], random);
    }
    GrayImage g = a.image();
    int[] scale = train
        ? config.trainScales().get(random.nextInt(config.trainScales().size()))
        : config.testScale();
    int[] size = KeepRatioResize.size(g.width, g.height, scale);
    boolean fh = train && random.nextFloat() < config.flipHorizontal();
    boolean fv = train && random.nextFloat() < config.flipVertical();
    GrayImage r = g.resize(size[0], size[1]).flip(fh, fv);
    if (train && config.photometric()) {
      r = distort(r, random);
    }
    ImageTransform t = new ImageTransform(g.width, g.height, size[0], size[1], fh, fv);
    GtMask[] masks = a.masks();
    float[] boxes = new float[masks.length * 4];
    for (int i = 0; i < masks.length; i++) {
      System.arraycopy(masks[i].box(), 0, boxes, 4 * i, 4);
    }
    return new Sample(a.id(), Normalizer.toChw(r), size[1], size[0], t.forward(boxes), a.labels(), masks, t);
  }

  /**
   * A random {@code width x height} window of the image (the whole image along an axis that is not larger), with
   * its cells; up to a few windows are tried for one that holds a cell.
   */
  public static AnnotatedImage randomCrop(AnnotatedImage a, int width, int height, Random random) {
    GrayImage g = a.image();
    int cw = Math.min(width, g.width);
    int ch = Math.min(height, g.height);
    if (cw == g.width && ch == g.height) {
      return a;
    }
    AnnotatedImage out = null;
    for (int t = 0; t < CROP_TRIES && (out == null || out.masks().length == 0); t++) {
      int x0 = random.nextInt(g.width - cw + 1);
      int y0 = random.nextInt(g.height - ch + 1);
      out = crop(a, x0, y0, cw, ch);
    }
    return out;
  }

  /** The window {@code [x0, x0 + w) x [y0, y0 + h)} of an image and the cells that stay visible in it. */
  public static AnnotatedImage crop(AnnotatedImage a, int x0, int y0, int w, int h) {
    GrayImage g = a.image();
    float[] v = new float[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(g.values, (y0 + y) * g.width + x0, v, y * w, w);
    }
    java.util.List<GtMask> masks = new java.util.ArrayList<>();
    java.util.List<Integer> labels = new java.util.ArrayList<>();
    for (int i = 0; i < a.masks().length; i++) {
      GtMask m = a.masks()[i];
      GtMask c = cropMask(m, x0, y0, w, h);
      if (c != null) {
        masks.add(c);
        labels.add(a.labels()[i]);
      }
    }
    int[] lb = labels.stream().mapToInt(Integer::intValue).toArray();
    return new AnnotatedImage(a.id(), new GrayImage(w, h, v), masks.toArray(new GtMask[0]), lb);
  }

  private static GtMask cropMask(GtMask m, int x0, int y0, int w, int h) {
    int xa = Math.max(m.x0, x0), xb = Math.min(m.x0 + m.width, x0 + w);
    int ya = Math.max(m.y0, y0), yb = Math.min(m.y0 + m.height, y0 + h);
    if (xa >= xb || ya >= yb) {
      return null;
    }
    int total = 0;
    for (float b : m.bits) {
      total += b > 0f ? 1 : 0;
    }
    int visible = 0;
    int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
    for (int y = ya; y < yb; y++) {
      for (int x = xa; x < xb; x++) {
        if (m.bits[(y - m.y0) * m.width + x - m.x0] > 0f) {
          visible++;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (visible == 0 || visible < MIN_VISIBLE * total) {
      return null;
    }
    if (visible == total) {
      return new GtMask(m.x0 - x0, m.y0 - y0, m.width, m.height, m.bits);
    }
    int cw = maxX - minX + 1, chh = maxY - minY + 1;
    float[] bits = new float[cw * chh];
    for (int y = minY; y <= maxY; y++) {
      for (int x = minX; x <= maxX; x++) {
        bits[(y - minY) * cw + x - minX] = m.bits[(y - m.y0) * m.width + x - m.x0];
      }
    }
    return new GtMask(minX - x0, minY - y0, cw, chh, bits);
  }

  private static GrayImage distort(GrayImage g, Random random) {
    float delta = random.nextBoolean() ? (random.nextFloat() * 64f - 32f) : 0f;
    float alpha = random.nextBoolean() ? 0.5f + random.nextFloat() : 1f;
    if (delta == 0f && alpha == 1f) {
      return g;
    }
    float[] v = new float[g.values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.max(0f, Math.min(255f, (g.values[i] + delta) * alpha));
    }
    return new GrayImage(g.width, g.height, v);
  }
}
