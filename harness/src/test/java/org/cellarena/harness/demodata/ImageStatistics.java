package org.cellarena.harness.demodata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.cellarena.scoring.rle.RunMask;

/**
 * Statistics of a set of images of one cell type, to compare generated images with real ones: the gray-value
 * histogram (each image's median moved to 128, so a brighter microscope does not count), the local contrast (the
 * mean standard deviation in 9x9 windows), and from the masks the cells per image, their areas and the share of
 * cells that touch or overlap another.
 */
final class ImageStatistics {
  static final int WINDOW = 9;

  private final double[] histogram = new double[256];
  private final List<Double> contrasts = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();
  private final List<Integer> areas = new ArrayList<>();
  private int touching;

  void addPixels(float[] pixels, int width, int height) {
    float[] sorted = pixels.clone();
    Arrays.sort(sorted);
    float median = sorted[sorted.length / 2];
    for (float v : pixels) {
      histogram[Math.max(0, Math.min(255, Math.round(v - median + 128)))] += 1.0 / pixels.length;
    }
    contrasts.add(localContrast(pixels, width, height));
  }

  void addMasks(List<RunMask> cells, int width, int height) {
    counts.add(cells.size());
    for (RunMask cell : cells) {
      areas.add(cell.area());
    }
    touching += touchingCells(cells, width, height);
  }

  /** The gray-value histogram over every image added, each image weighing the same; sums to 1. */
  double[] histogram() {
    double[] h = histogram.clone();
    for (int i = 0; i < h.length; i++) {
      h[i] /= contrasts.size();
    }
    return h;
  }

  /** The gray value below which {@code fraction} of the pixels lie, on the median-128 scale. */
  int percentile(double fraction) {
    double[] h = histogram();
    double sum = 0;
    for (int i = 0; i < h.length; i++) {
      sum += h[i];
      if (sum >= fraction) {
        return i;
      }
    }
    return 255;
  }

  double localContrast() {
    return contrasts.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  double medianArea() {
    return median(areas);
  }

  double medianCount() {
    return median(counts);
  }

  int minCount() {
    return counts.isEmpty() ? 0 : Collections.min(counts);
  }

  int maxCount() {
    return counts.isEmpty() ? 0 : Collections.max(counts);
  }

  double touchingFraction() {
    return areas.isEmpty() ? Double.NaN : touching / (double) areas.size();
  }

  /** Total variation distance: half the L1 distance of two histograms that sum to 1 (0 same, 1 disjoint). */
  static double histogramDistance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / 2;
  }

  /** The mean over the image of the gray values' standard deviation in each WINDOW x WINDOW window. */
  static double localContrast(float[] pixels, int width, int height) {
    double[] sum = new double[(width + 1) * (height + 1)];
    double[] squares = new double[(width + 1) * (height + 1)];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = (y + 1) * (width + 1) + x + 1;
        double v = pixels[y * width + x];
        sum[p] = v + sum[p - 1] + sum[p - width - 1] - sum[p - width - 2];
        squares[p] = v * v + squares[p - 1] + squares[p - width - 1] - squares[p - width - 2];
      }
    }
    double total = 0;
    int windows = 0;
    int n = WINDOW * WINDOW;
    for (int y = 0; y + WINDOW <= height; y++) {
      for (int x = 0; x + WINDOW <= width; x++) {
        double s = boxSum(sum, width + 1, x, y);
        double q = boxSum(squares, width + 1, x, y);
        total += Math.sqrt(Math.max(0, q / n - (s / n) * (s / n)));
        windows++;
      }
    }
    return total / windows;
  }

  private static double boxSum(double[] integral, int stride, int x, int y) {
    return integral[(y + WINDOW) * stride + x + WINDOW] - integral[y * stride + x + WINDOW]
        - integral[(y + WINDOW) * stride + x] + integral[y * stride + x];
  }

  /** How many cells share a pixel with another cell or lie next to one (4-neighbours). */
  static int touchingCells(List<RunMask> cells, int width, int height) {
    int[] owner = new int[width * height];
    boolean[] touches = new boolean[cells.size() + 1];
    for (int c = 1; c <= cells.size(); c++) {
      RunMask cell = cells.get(c - 1);
      for (int r = 0; r < cell.runCount(); r++) {
        for (int p = cell.runStart(r); p < cell.runStart(r) + cell.runLength(r); p++) {
          if (owner[p] != 0) {
            touches[c] = touches[owner[p]] = true;
          } else {
            owner[p] = c;
          }
        }
      }
    }
    for (int c = 1; c <= cells.size(); c++) {
      RunMask cell = cells.get(c - 1);
      for (int r = 0; r < cell.runCount() && !touches[c]; r++) {
        for (int p = cell.runStart(r); p < cell.runStart(r) + cell.runLength(r); p++) {
          int x = p % width;
          int y = p / width;
          int[] around = {x > 0 ? p - 1 : p, x < width - 1 ? p + 1 : p, y > 0 ? p - width : p,
              y < height - 1 ? p + width : p};
          for (int q : around) {
            if (owner[q] != 0 && owner[q] != c) {
              touches[c] = touches[owner[q]] = true;
            }
          }
        }
      }
    }
    int count = 0;
    for (int c = 1; c <= cells.size(); c++) {
      count += touches[c] ? 1 : 0;
    }
    return count;
  }

  private static double median(List<? extends Number> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
