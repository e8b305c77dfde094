package org.cellarena.harness.demodata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cellarena.harness.GeneratedData;
import org.cellarena.harness.SharedData;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;

/**
 * Generated images are within a stated distance of the real Sartorius sample, per cell type (the table of the
 * harness README, "Generated demo data vs real images", is what this test prints).
 */
class DemoDataRealismTest {
  static final double MAX_HISTOGRAM_DISTANCE = 0.15;
  static final double MAX_CONTRAST_RATIO_OFF = 0.2;
  static final double MAX_AREA_RATIO_OFF = 0.25;
  static final double MAX_TOUCHING_GAP = 0.25;

  @Test
  void generatedImagesAreWithinTheStatedDistanceOfRealOnes() throws Exception {
    Path sample = SharedData.require("data/sartorius-sample");
    Map<String, ImageStatistics> real = RealismComparison.real(sample);
    Map<String, ImageStatistics> generated = RealismComparison.generated(GeneratedData.dataset());
    String table = RealismComparison.table(real, generated);
    System.out.print(table);
    for (String type : RealismComparison.TYPES) {
      ImageStatistics r = real.get(type);
      ImageStatistics g = generated.get(type);
      String where = type + ":\n" + table;
      assertTrue(ImageStatistics.histogramDistance(r.histogram(), g.histogram()) <= MAX_HISTOGRAM_DISTANCE,
          "histogram distance, " + where);
      assertTrue(Math.abs(g.localContrast() / r.localContrast() - 1) <= MAX_CONTRAST_RATIO_OFF,
          "local contrast, " + where);
      assertTrue(Math.abs(g.medianArea() / r.medianArea() - 1) <= MAX_AREA_RATIO_OFF, "median area, " + where);
      assertTrue(g.medianCount() >= r.minCount() && g.medianCount() <= r.maxCount(), "cells per image, " + where);
      assertTrue(Math.abs(g.touchingFraction() - r.touchingFraction()) <= MAX_TOUCHING_GAP, "touching, " + where);
    }
  }

  @Test
  void statisticsOfKnownPixelsAndMasks() {
    ImageStatistics flat = new ImageStatistics();
    flat.addPixels(new float[] {100, 100, 100, 100}, 2, 2);
    assertEquals(1.0, flat.histogram()[128], 1e-9, "the median moves to 128");
    float[] stripes = new float[20 * 20];
    for (int p = 0; p < stripes.length; p++) {
      stripes[p] = p % 2 == 0 ? 120 : 130;
    }
    // columns alternate: every 9x9 window holds 5 columns of one value and 4 of the other
    assertEquals(Math.sqrt(5 / 9.0 * 4 / 9.0) * 10, ImageStatistics.localContrast(stripes, 20, 20), 1e-6);

    RunMask left = RunMask.fromDense(box(10, 10, 0, 0, 3, 3), 10, 10);
    RunMask beside = RunMask.fromDense(box(10, 10, 3, 0, 2, 2), 10, 10);
    RunMask far = RunMask.fromDense(box(10, 10, 7, 7, 2, 2), 10, 10);
    assertEquals(2, ImageStatistics.touchingCells(List.of(left, beside, far), 10, 10));
    assertEquals(2, ImageStatistics.touchingCells(List.of(left, left), 10, 10), "overlapping cells touch");
    assertEquals(0.5, ImageStatistics.histogramDistance(new double[] {1, 0}, new double[] {0.5, 0.5}), 1e-9);
  }

  private static boolean[] box(int width, int height, int x0, int y0, int w, int h) {
    boolean[] dense = new boolean[width * height];
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        dense[y * width + x] = true;
      }
    }
    return dense;
  }
}
