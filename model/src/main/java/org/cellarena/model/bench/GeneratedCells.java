package org.cellarena.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.data.GtMask;
import org.cellarena.model.data.ImageTransform;
import org.cellarena.model.data.Normalizer;
import org.cellarena.model.data.Sample;

/**
 * Training samples generated in memory at the network's input size (no files, no OpenCV): a gray textured
 * background and {@code cells} dark elliptical cells with bright halos, sized as Sartorius cells are after the seed's
 * resize of 704x520 images to 1333 px; later cells occlude earlier ones, so the masks never overlap.
 */
public final class GeneratedCells {
  /** Height over width of the Sartorius images (520 / 704). */
  public static final double ASPECT = 520.0 / 704.0;

  private GeneratedCells() {}

  /** A batch of {@code images} samples of {@code width x round(width * ASPECT)}, padded to a multiple of 32. */
  public static Batch batch(int images, int width, int cells, long seed) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      samples.add(sample("gen" + i, width, (int) Math.round(width * ASPECT), cells, new Random(seed * 7919 + i)));
    }
    return Batch.of(samples, 32);
  }

  /** The gray image of a sample, as {@link #sample} draws it (for prediction). */
  public static GrayImage image(int width, int height, int cells, Random r) {
    return draw(width, height, cells, r, new int[width * height]);
  }

  /** One sample with about {@code cells} cells (fewer when occlusion hides one completely). */
  public static Sample sample(String id, int width, int height, int cells, Random r) {
    int[] owner = new int[width * height];
    GrayImage g = draw(width, height, cells, r, owner);
    int[] bounds = bounds(owner, width, cells);
    List<GtMask> masks = new ArrayList<>();
    for (int c = 0; c < cells; c++) {
      GtMask m = maskOf(owner, width, bounds, c);
      if (m != null) {
        masks.add(m);
      }
    }
    float[] boxes = new float[4 * masks.size()];
    for (int i = 0; i < masks.size(); i++) {
      System.arraycopy(masks.get(i).box(), 0, boxes, 4 * i, 4);
    }
    return new Sample(id, Normalizer.toChw(g), height, width, boxes, new int[masks.size()],
        masks.toArray(new GtMask[0]), new ImageTransform(width, height, width, height, false, false));
  }

  private static GrayImage draw(int width, int height, int cells, Random r, int[] owner) {
    float[] img = new float[width * height];
    double fx = 0.01 + 0.02 * r.nextDouble(), fy = 0.01 + 0.02 * r.nextDouble(), ph = r.nextDouble() * 6;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img[y * width + x] = (float) (128 + 10 * Math.sin(fx * x + ph) * Math.cos(fy * y) + r.nextGaussian() * 5);
      }
    }
    Arrays.fill(owner, -1);
    double scale = width / 704.0;
    for (int c = 0; c < cells; c++) {
      double a = (5 + r.nextDouble() * 12) * scale;
      double b = (4 + r.nextDouble() * 6) * scale;
      double cx = a + r.nextDouble() * (width - 2 * a);
      double cy = a + r.nextDouble() * (height - 2 * a);
      double th = r.nextDouble() * Math.PI;
      double cos = Math.cos(th), sin = Math.sin(th);
      float inside = (float) (70 + r.nextDouble() * 30);
      double halo = 1.0 + 2.5 * scale / Math.min(a, b);
      int ext = (int) Math.ceil(a * halo + 1);
      for (int y = Math.max(0, (int) (cy - ext)); y <= Math.min(height - 1, cy + ext); y++) {
        for (int x = Math.max(0, (int) (cx - ext)); x <= Math.min(width - 1, cx + ext); x++) {
          double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
          double u = (dx * cos + dy * sin) / a, v = (-dx * sin + dy * cos) / b;
          double d = Math.sqrt(u * u + v * v);
          int p = y * width + x;
          if (d <= 1.0) {
            img[p] = inside + (float) (r.nextGaussian() * 6);
            owner[p] = c;
          } else if (d <= halo && owner[p] < 0) {
            img[p] = (float) (200 + r.nextGaussian() * 8);
          }
        }
      }
    }
    return new GrayImage(width, height, img);
  }

  /** Per cell {@code (x0, y0, x1, y1)} inclusive, {@code x1 = -1} when the cell is hidden. */
  private static int[] bounds(int[] owner, int width, int cells) {
    int[] b = new int[4 * cells];
    for (int c = 0; c < cells; c++) {
      b[4 * c] = Integer.MAX_VALUE;
      b[4 * c + 1] = Integer.MAX_VALUE;
      b[4 * c + 2] = -1;
      b[4 * c + 3] = -1;
    }
    for (int p = 0; p < owner.length; p++) {
      int c = owner[p];
      if (c >= 0) {
        int x = p % width, y = p / width;
        b[4 * c] = Math.min(b[4 * c], x);
        b[4 * c + 1] = Math.min(b[4 * c + 1], y);
        b[4 * c + 2] = Math.max(b[4 * c + 2], x);
        b[4 * c + 3] = Math.max(b[4 * c + 3], y);
      }
    }
    return b;
  }

  private static GtMask maskOf(int[] owner, int width, int[] bounds, int c) {
    int x0 = bounds[4 * c], y0 = bounds[4 * c + 1], x1 = bounds[4 * c + 2], y1 = bounds[4 * c + 3];
    if (x1 < 0 || (x1 - x0 + 1) * (y1 - y0 + 1) < 20) {
      return null;
    }
    int w = x1 - x0 + 1, h = y1 - y0 + 1;
    float[] bits = new float[w * h];
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        bits[(y - y0) * w + x - x0] = owner[y * width + x] == c ? 1f : 0f;
      }
    }
    return new GtMask(x0, y0, w, h, bits);
  }
}
