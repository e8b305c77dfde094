package org.cellarena.model;

/** Textbook loss formulas in double precision, the expectations the loss tests compare the engine's values with. */
public final class ReferenceLosses {
  private ReferenceLosses() {}

  /**
   * Binary cross-entropy of a logit {@code x} against a target {@code z}: {@code -(z ln sigmoid(x) + (1 - z) ln(1 -
   * sigmoid(x)))}, with {@code ln sigmoid(x) = -ln(1 + e^-x)} (finite for extreme logits too).
   */
  public static double bce(double x, double z) {
    double logSig = -Math.log1p(Math.exp(-x));
    double logOneMinusSig = -x - Math.log1p(Math.exp(-x)); // ln(1 - sigmoid(x)) = ln(sigmoid(-x))
    return -(z * logSig + (1 - z) * logOneMinusSig);
  }

  public static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
