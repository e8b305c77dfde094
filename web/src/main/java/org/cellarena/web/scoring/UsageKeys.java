package org.cellarena.web.scoring;

import java.time.Instant;

/**
 * A team's recent scoring time as one number the database can order by: {@code u} seconds decaying by half every
 * {@link FairQueue#HALF_LIFE_SECONDS} from time {@code t} is stored as {@code key = log2(u) + t / halfLife}. At
 * any moment the decayed times of two teams compare as their keys do (the decay is a factor common to all), so
 * no row need change as time passes. No scoring yet is {@link Double#NEGATIVE_INFINITY} (first in line).
 */
public final class UsageKeys {
  private UsageKeys() {}

  /** The key after {@code seconds} more scoring at {@code now}. */
  public static double withScoring(double key, double seconds, Instant now) {
    double t = now.toEpochMilli() / 1000.0 / FairQueue.HALF_LIFE_SECONDS;
    double decayed = key == Double.NEGATIVE_INFINITY ? 0 : Math.pow(2, key - t);
    return Math.log(decayed + seconds) / Math.log(2) + t;
  }
}
