package org.cellarena.model.train;

/**
 * The {@code --max-minutes} budget on the wall clock, validation and checkpoints included: training stops while
 * there is still time for the last validation and save, as long as the previous one took. Before the first
 * validation that time is unknown, so a budget that ends inside the first epoch runs over by its one validation.
 */
final class TimeBudget {
  private final long start = System.nanoTime();
  private final long nanos;
  private long reserve;

  /** @param minutes the budget; 0 for none */
  TimeBudget(double minutes) {
    this.nanos = minutes > 0 ? (long) (minutes * 60e9) : Long.MAX_VALUE;
  }

  boolean limited() {
    return nanos != Long.MAX_VALUE;
  }

  /** How long the last validation and save took: time to keep for the next one. */
  void reserve(long validationAndSaveNanos) {
    reserve = validationAndSaveNanos;
  }

  /** True once training must stop to leave time for the validation and save that end it. */
  boolean spent() {
    return limited() && elapsedNanos() + reserve >= nanos;
  }

  /** The fraction of the training time (the budget less the reserve) spent, 0..1; 0 without a budget. */
  double fractionSpent() {
    return limited() ? Math.min(1, (double) elapsedNanos() / Math.max(1, nanos - reserve)) : 0;
  }

  /** Seconds of training left before {@link #spent()}; infinite without a budget. */
  double trainingSecondsLeft() {
    return limited() ? Math.max(0, (nanos - reserve - elapsedNanos()) / 1e9) : Double.POSITIVE_INFINITY;
  }

  long elapsedNanos() {
    return System.nanoTime() - start;
  }
}
