package org.cellarena.scoring.metric;

import org.cellarena.scoring.io.Usage;

/**
 * The metric on one image: its {@link MatchCounts} (TP/FP/FN per threshold, hence the score), its
 * {@link BestMatches} (per cell and per prediction the best IoU and its partner) and its {@link Breakdown} at
 * IoU 0.5. {@code id}, {@code cellType} and {@code usage} are null when the image was scored on its own.
 */
public record ImageResult(String id, String cellType, Usage usage, MatchCounts counts, BestMatches matches,
    Breakdown breakdown) {

  /** An image scored on its own, without its labels. */
  public ImageResult(MatchCounts counts, BestMatches matches, Breakdown breakdown) {
    this(null, null, null, counts, matches, breakdown);
  }

  /** The same result labelled with its image. */
  public ImageResult labelled(String id, String cellType, Usage usage) {
    return new ImageResult(id, cellType, usage, counts, matches, breakdown);
  }

  /** The mean precision over the ten thresholds. */
  public double score() {
    return counts.score();
  }

  /** precision(t_k) = TP/(TP+FP+FN); 1 for an image with neither cells nor predictions. */
  public double precision(int k) {
    return counts.precision(k);
  }

  public int[] tp() {
    return counts.tp();
  }

  public int[] fp() {
    return counts.fp();
  }

  public int[] fn() {
    return counts.fn();
  }

  public int cells() {
    return counts.cells();
  }

  public int predictions() {
    return counts.predictions();
  }

  public int missed() {
    return breakdown.missed();
  }

  public int spurious() {
    return breakdown.spurious();
  }

  public int split() {
    return breakdown.split();
  }

  public int merged() {
    return breakdown.merged();
  }

  public double[] cellBestIou() {
    return matches.cellBestIou();
  }

  public int[] cellBestPrediction() {
    return matches.cellBestPrediction();
  }

  public double[] predictionBestIou() {
    return matches.predictionBestIou();
  }

  public int[] predictionBestCell() {
    return matches.predictionBestCell();
  }

  public Outcome[] cellOutcomes() {
    return breakdown.cellOutcomes();
  }

  public Outcome[] predictionOutcomes() {
    return breakdown.predictionOutcomes();
  }
}
