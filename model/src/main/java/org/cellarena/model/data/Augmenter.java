package org.cellarena.model.data;

import java.util.Random;

/**
 * Turns an annotated image into a {@link Sample}: keep-ratio resize to a random training scale, random horizontal
 * and vertical flips, photometric distortion (random brightness and contrast, as mmdet's
 * {@code PhotoMetricDistortion} does on gray), normalisation. Without training it only resizes to the test scale.
 */
public final class Augmenter {
  private final DataConfig config;

  public Augmenter(DataConfig config) {
    this.config = config;
  }

  public Sample apply(AnnotatedImage a, boolean train, Random random) {
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
