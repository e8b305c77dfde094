package org.cellarena.harness.demodata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cellarena.harness.dataset.PngImages;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.opencv.core.Mat;

/**
 * The statistics of generated images beside those of the real Sartorius sample ({@code ../shared/data/
 * sartorius-sample}), per cell type: pixels from the sample's real PNGs, masks from its {@code train_sample.csv}
 * (21 labelled images, 7 per type, most without their pixels).
 */
final class RealismComparison {
  /**
   * The sample's PNGs by cell type: the labelled one by its train_sample.csv row, the others (unlabeled and
   * test images, whose type no file gives) by eye.
   */
  static final Map<String, List<String>> REAL_PNGS = Map.of(
      "shsy5y", List.of("train/0f08d640930b", "unlabeled/0030fd0e6378", "unlabeled/0df9d6419078",
          "test/7ae19de7bc2a"),
      "astro", List.of("unlabeled/astro_hippo_D1-1_Vessel-361_2020-09-14_13h00m00s_Ph_1",
          "unlabeled/0a6ecc5fe78a", "test/d8bfd1dafdc4"),
      "cort", List.of("unlabeled/0f7d009bc5d3", "unlabeled/1bf60e3be6ce", "unlabeled/2cab2cb161a4",
          "unlabeled/3b3991c64f38", "test/d48ec7815252"));

  static final List<String> TYPES = List.of("shsy5y", "astro", "cort");

  private RealismComparison() {}

  static Map<String, ImageStatistics> real(Path sample) throws IOException, InvalidFileException {
    Map<String, ImageStatistics> stats = empty();
    REAL_PNGS.forEach((type, files) -> {
      for (String file : files) {
        addPixels(stats.get(type), sample.resolve(file + ".png"));
      }
    });
    for (SolutionImage image : SolutionReader.read(sample.resolve("train_sample.csv")).images()) {
      stats.get(image.cellType()).addMasks(image.cells(), image.width(), image.height());
    }
    return stats;
  }

  static Map<String, ImageStatistics> generated(Path dataset) throws IOException, InvalidFileException {
    Map<String, ImageStatistics> stats = empty();
    Dataset data = Dataset.read(dataset);
    for (SolutionImage image : data.images()) {
      ImageStatistics s = stats.get(image.cellType());
      addPixels(s, data.imagePath(image.id()));
      s.addMasks(image.cells(), image.width(), image.height());
    }
    return stats;
  }

  /** A Markdown table: one row per type and statistic, real beside generated. */
  static String table(Map<String, ImageStatistics> real, Map<String, ImageStatistics> generated) {
    StringBuilder t = new StringBuilder("| type | statistic | real | generated |\n| --- | --- | --- | --- |\n");
    for (String type : TYPES) {
      ImageStatistics r = real.get(type);
      ImageStatistics g = generated.get(type);
      row(t, type, "gray values p1 / p50 / p99 (median at 128)", percentiles(r), percentiles(g));
      row(t, type, "histogram distance (total variation)", "", format("%.3f",
          ImageStatistics.histogramDistance(r.histogram(), g.histogram())));
      row(t, type, "local contrast (std in 9x9)", format("%.2f", r.localContrast()),
          format("%.2f (x%.2f)", g.localContrast(), g.localContrast() / r.localContrast()));
      row(t, type, "median cell area (px)", format("%.0f", r.medianArea()),
          format("%.0f (x%.2f)", g.medianArea(), g.medianArea() / r.medianArea()));
      row(t, type, "cells per image min / median / max", counts(r), counts(g));
      row(t, type, "touching or overlapping cells", format("%.0f%%", 100 * r.touchingFraction()),
          format("%.0f%%", 100 * g.touchingFraction()));
    }
    return t.toString();
  }

  private static void row(StringBuilder t, String type, String statistic, String real, String generated) {
    t.append("| ").append(type).append(" | ").append(statistic).append(" | ").append(real).append(" | ")
        .append(generated).append(" |\n");
  }

  private static String percentiles(ImageStatistics s) {
    return s.percentile(0.01) + " / " + s.percentile(0.5) + " / " + s.percentile(0.99);
  }

  private static String counts(ImageStatistics s) {
    return format("%d / %.0f / %d", s.minCount(), s.medianCount(), s.maxCount());
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  private static Map<String, ImageStatistics> empty() {
    Map<String, ImageStatistics> stats = new LinkedHashMap<>();
    TYPES.forEach(type -> stats.put(type, new ImageStatistics()));
    return stats;
  }

  private static void addPixels(ImageStatistics stats, Path png) {
    try {
      Mat image = PngImages.read8Bit(png);
      stats.addPixels(PngImages.readPixels(png), image.cols(), image.rows());
      image.release();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
