package org.cellarena.scoring.metric;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.cellarena.scoring.io.Usage;

/**
 * The metric over a set of images: the score (mean of image scores), its 95% bootstrap interval, the mean
 * precision per threshold, the score per cell type and per Usage part, the error totals and every image's result.
 */
public record ScoreReport(List<ImageResult> images) {

  public ScoreReport {
    images = List.copyOf(images);
  }

  public double score() {
    return images.stream().mapToDouble(ImageResult::score).average().orElse(Double.NaN);
  }

  /** [lo, hi] of the 95% bootstrap interval of {@link #score()}. */
  public double[] ci95() {
    return Bootstrap.ci95(images.stream().mapToDouble(ImageResult::score).toArray());
  }

  /** Mean over images of precision at each of the ten thresholds. */
  public double[] precisionPerThreshold() {
    double[] mean = new double[Thresholds.COUNT];
    for (ImageResult r : images) {
      for (int k = 0; k < Thresholds.COUNT; k++) {
        mean[k] += r.precision(k) / images.size();
      }
    }
    return mean;
  }

  /** Score per cell type, sorted by type. */
  public Map<String, Double> cellTypeScores() {
    Map<String, Double> scores = new TreeMap<>();
    for (String type : images.stream().map(ImageResult::cellType).filter(t -> t != null).distinct().toList()) {
      scores.put(type, where(r -> type.equals(r.cellType())).score());
    }
    return scores;
  }

  /** Score per Usage part present. */
  public Map<Usage, Double> usageScores() {
    Map<Usage, Double> scores = new TreeMap<>();
    for (Usage usage : Usage.values()) {
      ScoreReport part = where(usage);
      if (!part.images().isEmpty()) {
        scores.put(usage, part.score());
      }
    }
    return scores;
  }

  /** The report restricted to one leaderboard part. */
  public ScoreReport where(Usage usage) {
    return where(r -> r.usage() == usage);
  }

  public ScoreReport where(Predicate<ImageResult> filter) {
    return new ScoreReport(images.stream().filter(filter).toList());
  }

  public int missed() {
    return images.stream().mapToInt(ImageResult::missed).sum();
  }

  public int spurious() {
    return images.stream().mapToInt(ImageResult::spurious).sum();
  }

  public int split() {
    return images.stream().mapToInt(ImageResult::split).sum();
  }

  public int merged() {
    return images.stream().mapToInt(ImageResult::merged).sum();
  }
}
