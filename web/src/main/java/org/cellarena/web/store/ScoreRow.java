package org.cellarena.web.store;

import java.time.Instant;

/**
 * One scoring result of a submission, keyed by the scorer version and the solution's hash. Scores are null when
 * the part has no images.
 *
 * @param masks what its masks looked like; null for results stored before these were counted
 */
public record ScoreRow(
    long resultId, String scorerVersion, String solutionHash, Double publicScore, Double publicCiLow,
    Double publicCiHigh, Double privateScore, double seconds, Instant scoredAt, MaskCounts masks) {

  /** The result with {@code shown} as its public score and no public interval (what a Ladder shows). */
  public ScoreRow withPublicShown(Double shown) {
    return new ScoreRow(resultId, scorerVersion, solutionHash, shown, null, null, privateScore, seconds, scoredAt,
        masks);
  }
}
