package org.cellarena.model.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.stream.Collectors;

/** Numbers as people read them in the training output: 3 significant digits, never an exponent. */
public final class Figures {
  private Figures() {}

  /** 0.194, 0.0123, 0.000353, 1.79, 0 (NaN as "n/a"). */
  public static String sig3(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(3)).toPlainString();
  }

  /** "astro 0.0240, cort 0.500" from per-cell-type scores. */
  public static String perType(Map<String, Double> scores) {
    return scores.entrySet().stream().map(e -> e.getKey() + " " + sig3(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** 15, 0.5, 1.25: a setting as it was typed, without trailing zeros. */
  public static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** Seconds as m:ss (or h:mm:ss). */
  public static String duration(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      return "?";
    }
    long t = Math.round(seconds);
    return t >= 3600 ? String.format("%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60)
        : String.format("%d:%02d", t / 60, t % 60);
  }
}
