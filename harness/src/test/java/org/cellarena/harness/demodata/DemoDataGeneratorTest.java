package org.cellarena.harness.demodata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cellarena.harness.GeneratedData;
import org.cellarena.model.data.Dataset;
import org.cellarena.harness.dataset.PngImages;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {
  /** Cells per 704x520 image as the real data has them: shsy5y hundreds, astro tens, cort about 35. */
  static final Map<String, int[]> REAL_RANGE = Map.of("shsy5y", new int[] {100, 800}, "astro", new int[] {10, 120},
      "cort", new int[] {9, 72});

  @Test
  void cellsPerImageAreInTheRealRangeForEachType() throws Exception {
    Dataset dataset = Dataset.read(GeneratedData.dataset());
    assertEquals(GeneratedData.IMAGES, dataset.images().size());
    Set<String> types = new HashSet<>();
    for (SolutionImage image : dataset.images()) {
      int[] range = REAL_RANGE.get(image.cellType());
      int cells = image.cells().size();
      assertTrue(cells >= range[0] && cells <= range[1],
          image.id() + " (" + image.cellType() + ") has " + cells + " cells, expected " + Arrays.toString(range));
      types.add(image.cellType());
      assertEquals(704, image.width());
      assertEquals(520, image.height());
    }
    assertEquals(REAL_RANGE.keySet(), types, "all three cell types appear");
  }

  @Test
  void everyMaskLiesOnACellInThePixels() throws Exception {
    Dataset dataset = Dataset.read(GeneratedData.dataset());
    for (SolutionImage image : dataset.images()) {
      float[] pixels = PngImages.readPixels(dataset.imagePath(image.id()));
      boolean[] covered = new boolean[pixels.length];
      for (RunMask cell : image.cells()) {
        boolean[] dense = cell.toDense();
        for (int p = 0; p < dense.length; p++) {
          covered[p] |= dense[p];
        }
      }
      double background = median(pixels, covered, false);
      double noise = meanDeviation(pixels, covered, false, background);
      for (RunMask cell : image.cells()) {
        boolean[] dense = cell.toDense();
        double deviation = meanDeviation(pixels, dense, true, background);
        double mean = meanOver(pixels, dense);
        assertTrue(deviation > 1.1 * noise && mean < background,
            image.id() + " (" + image.cellType() + "): a mask of area " + cell.area() + " at row " + cell.minRow()
                + ", col " + cell.minCol() + " does not differ from the background: mean " + mean + " vs "
                + background + ", deviation " + deviation + " vs noise " + noise);
      }
    }
  }

  @Test
  void groundTruthOverlapsWhereCellsDo() throws Exception {
    Dataset dataset = Dataset.read(GeneratedData.dataset());
    int overlapping = 0;
    for (SolutionImage image : dataset.images()) {
      List<RunMask> cells = image.cells();
      for (int a = 0; a < cells.size(); a++) {
        for (int b = a + 1; b < cells.size(); b++) {
          if (cells.get(a).intersectionArea(cells.get(b)) > 0) {
            overlapping++;
          }
        }
      }
    }
    assertTrue(overlapping > 0, "some cells overlap, as in culture");
  }

  @Test
  void metadataGroupsImagesIntoSamples() throws Exception {
    Dataset dataset = Dataset.read(GeneratedData.dataset());
    Set<String> samples = new HashSet<>();
    for (SolutionImage image : dataset.images()) {
      for (String column : List.of("plate_time", "sample_date", "sample_id", "elapsed_timedelta")) {
        assertTrue(!image.metadata().getOrDefault(column, "").isBlank(), image.id() + " lacks " + column);
      }
      assertTrue(image.metadata().get("sample_id").startsWith(image.cellType() + "["));
      samples.add(image.metadata().get("sample_id"));
    }
    assertTrue(samples.size() < dataset.images().size(), "some samples hold several images");
  }

  @Test
  void sameSeedSameFiles(@TempDir Path dir) throws Exception {
    new DemoDataGenerator(2, 77, 200, 150).writeTo(dir.resolve("a"), null);
    new DemoDataGenerator(2, 77, 200, 150).writeTo(dir.resolve("b"), null);
    new DemoDataGenerator(2, 78, 200, 150).writeTo(dir.resolve("c"), null);
    String csv = Files.readString(dir.resolve("a/train.csv"));
    assertEquals(csv, Files.readString(dir.resolve("b/train.csv")));
    assertTrue(!csv.equals(Files.readString(dir.resolve("c/train.csv"))));
    for (String id : Dataset.pngIds(dir.resolve("a/train"))) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a/train/" + id + ".png")),
          Files.readAllBytes(dir.resolve("b/train/" + id + ".png")));
    }
  }

  private static double median(float[] pixels, boolean[] mask, boolean inside) {
    double[] values = new double[pixels.length];
    int n = 0;
    for (int p = 0; p < pixels.length; p++) {
      if (mask[p] == inside) {
        values[n++] = pixels[p];
      }
    }
    Arrays.sort(values, 0, n);
    return values[n / 2];
  }

  private static double meanDeviation(float[] pixels, boolean[] mask, boolean inside, double level) {
    double sum = 0;
    int n = 0;
    for (int p = 0; p < pixels.length; p++) {
      if (mask[p] == inside) {
        sum += Math.abs(pixels[p] - level);
        n++;
      }
    }
    return sum / n;
  }

  private static double meanOver(float[] pixels, boolean[] mask) {
    double sum = 0;
    int n = 0;
    for (int p = 0; p < pixels.length; p++) {
      if (mask[p]) {
        sum += pixels[p];
        n++;
      }
    }
    return sum / n;
  }
}
