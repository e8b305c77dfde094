package org.cellarena.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cellarena.model.data.GrayImage;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionWriter;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.rle.RunMask;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Generated phase-contrast-like cell images in the Kaggle layout ({@code train.csv} + {@code train/<id>.png}): a
 * gray textured background, dark elliptical cells with bright halos, a few tens per image, later cells occluding
 * earlier ones (ground-truth masks lose the occluded pixels, so they never overlap).
 */
public final class SyntheticCells {
  private SyntheticCells() {}

  static final String[] TYPES = {"cort", "astro", "shsy5y"};

  /** Writes {@code n} images of {@code size x size} to {@code dir}; returns their ids. */
  public static List<String> write(Path dir, int n, int size, long seed) throws IOException {
    return write(dir, n, size, size, seed);
  }

  /** Writes {@code n} images of {@code width x height}; returns their ids. */
  public static List<String> write(Path dir, int n, int width, int height, long seed) throws IOException {
    GrayImage.loadOpenCv();
    Files.createDirectories(dir.resolve("train"));
    Random r = new Random(seed);
    List<String> ids = new ArrayList<>();
    try (SolutionWriter csv = new SolutionWriter(dir.resolve("train.csv"), List.of(), false)) {
      for (int i = 0; i < n; i++) {
        String id = String.format("synth%04d", i);
        String type = TYPES[i % TYPES.length];
        List<RunMask> cells = image(dir.resolve("train").resolve(id + ".png"), width, height, r);
        csv.append(new SolutionImage(id, width, height, type, Usage.PUBLIC, cells, Map.of()));
        ids.add(id);
      }
    }
    return ids;
  }

  static List<RunMask> image(Path png, int width, int height, Random r) {
    int size = width;
    float[] img = new float[width * height];
    double fx = 0.02 + 0.03 * r.nextDouble(), fy = 0.02 + 0.03 * r.nextDouble(), ph = r.nextDouble() * 6;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img[y * size + x] = (float) (128 + 10 * Math.sin(fx * x + ph) * Math.cos(fy * y) + r.nextGaussian() * 5);
      }
    }
    int[] owner = new int[width * height];
    java.util.Arrays.fill(owner, -1);
    int count = (15 + r.nextInt(16)) * Math.max(1, width * height / (256 * 256));
    for (int c = 0; c < count; c++) {
      double cx = 8 + r.nextDouble() * (size - 16);
      double cy = 8 + r.nextDouble() * (height - 16);
      double a = 6 + r.nextDouble() * 8;
      double b = 5 + r.nextDouble() * 6;
      double th = r.nextDouble() * Math.PI;
      double cos = Math.cos(th), sin = Math.sin(th);
      float inside = (float) (70 + r.nextDouble() * 30);
      int ext = (int) Math.ceil(a + 3);
      for (int y = (int) (cy - ext); y <= cy + ext; y++) {
        for (int x = (int) (cx - ext); x <= cx + ext; x++) {
          if (x < 0 || y < 0 || x >= width || y >= height) {
            continue;
          }
          double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
          double u = (dx * cos + dy * sin) / a, v = (-dx * sin + dy * cos) / b;
          double d = Math.sqrt(u * u + v * v);
          int p = y * size + x;
          if (d <= 1.0) {
            img[p] = inside + (float) (r.nextGaussian() * 6 + 8 * Math.sin(dx * 0.7));
            owner[p] = c;
          } else if (d <= 1.0 + 2.5 / Math.min(a, b) && owner[p] < 0) {
            img[p] = (float) (200 + r.nextGaussian() * 8);
          }
        }
      }
    }
    Mat m = new Mat(height, width, CvType.CV_8U);
    byte[] bytes = new byte[width * height];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(img[i])));
    }
    m.put(0, 0, bytes);
    Imgcodecs.imwrite(png.toString(), m);
    m.release();
    List<RunMask> cells = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      boolean[] dense = new boolean[width * height];
      int area = 0;
      for (int p = 0; p < dense.length; p++) {
        if (owner[p] == c) {
          dense[p] = true;
          area++;
        }
      }
      if (area >= 20) {
        cells.add(RunMask.fromDense(dense, width, height));
      }
    }
    return cells;
  }
}
