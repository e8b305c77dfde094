package org.cellarena.web.store;

import java.time.Instant;

/**
 * One scoring result of a submission, keyed by the scorer version and the solution's hash. Scores are null when
 * the part has no images.
 */
public record ScoreRow(
    long resultId, String scorerVersion, String solutionHash, Double publicScore, Double publicCiLow,
    Double publicCiHigh, Double privateScore, double seconds, Instant scoredAt) {}
