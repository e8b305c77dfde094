package org.cellarena.web.store;

/** A scoring result to store: the summary numbers, the full detail as JSON text and the mask counts. */
public record NewResult(
    String scorerVersion, String solutionHash, Double publicScore, Double publicCiLow, Double publicCiHigh,
    Double privateScore, String detailJson, double seconds, MaskCounts masks) {}
