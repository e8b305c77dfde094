package org.cellarena.model.train;

import java.util.function.LongSupplier;
import org.cellarena.model.runtime.Figures;

/**
 * How much one run trains: a number of iterations (work: the same on a quiet and a busy machine), minutes of wall
 * clock (validations and checkpoints included), or both. The lr schedule is laid over the iterations when they are
 * given, else over the minutes; with both, the minutes are only a cap that cuts a slow run short.
 *
 * <p>On the clock, training stops while there is still time for the last validation and save, as long as the
 * previous one took. Before the first validation that time is unknown, so a clock that ends inside the first epoch
 * runs over by its one validation.
 */
final class Budget {
  private final long maxIterations;
  private final long nanos;
  private final double minutes;
  private final LongSupplier clock;
  private final long start;
  private long reserve;

  /** @param maxIterations iterations of this run, 0 for none; @param maxMinutes wall clock, 0 for none */
  Budget(long maxIterations, double maxMinutes) {
    this(maxIterations, maxMinutes, System::nanoTime);
  }

  Budget(long maxIterations, double maxMinutes, LongSupplier clock) {
    if (maxIterations < 0 || maxMinutes < 0) {
      throw new IllegalArgumentException("--max-iterations and --max-minutes must not be negative");
    }
    this.maxIterations = maxIterations;
    this.minutes = maxMinutes;
    this.nanos = maxMinutes > 0 ? (long) (maxMinutes * 60e9) : Long.MAX_VALUE;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  boolean limited() {
    return byIterations() || timed();
  }

  boolean byIterations() {
    return maxIterations > 0;
  }

  boolean timed() {
    return nanos != Long.MAX_VALUE;
  }

  long maxIterations() {
    return maxIterations;
  }

  /** How long the last validation and save took: time to keep for the next one. */
  void reserve(long validationAndSaveNanos) {
    reserve = validationAndSaveNanos;
  }

  /** True once training must stop after {@code iterations} of this run: the work is done or the clock is up. */
  boolean spent(long iterations) {
    return iterationsDone(iterations) || clockSpent();
  }

  boolean iterationsDone(long iterations) {
    return byIterations() && iterations >= maxIterations;
  }

  /** True once the clock must stop training to leave time for the validation and save that end it. */
  boolean clockSpent() {
    return timed() && elapsedNanos() + reserve >= nanos;
  }

  /**
   * The fraction of the budget spent, 0..1, that the schedule reads: of the iterations when they are given, else
   * of the training time (the minutes less the reserve); 0 without a budget.
   */
  double fractionSpent(long iterations) {
    if (byIterations()) {
      return Math.min(1, (double) iterations / maxIterations);
    }
    return timed() ? Math.min(1, (double) elapsedNanos() / Math.max(1, nanos - reserve)) : 0;
  }

  /** Seconds of training left at {@code secondsPerIteration}; infinite without a budget. */
  double secondsLeft(long iterations, double secondsPerIteration) {
    double clockLeft = timed() ? Math.max(0, (nanos - reserve - elapsedNanos()) / 1e9) : Double.POSITIVE_INFINITY;
    return byIterations() ? Math.min(clockLeft, (maxIterations - iterations) * secondsPerIteration) : clockLeft;
  }

  long elapsedNanos() {
    return clock.getAsLong() - start;
  }

  /** "250 iterations", "4 minutes", "250 iterations, at most 15 minutes"; empty without a budget. */
  String describe() {
    String clockPart = timed() ? Figures.plain(minutes) + (minutes == 1 ? " minute" : " minutes") : "";
    if (!byIterations()) {
      return clockPart;
    }
    return maxIterations + (maxIterations == 1 ? " iteration" : " iterations")
        + (timed() ? ", at most " + clockPart : "");
  }

  /** "the 15-minute cap": the clock, named as a cap that cut the run short. */
  String capName() {
    return "the " + Figures.plain(minutes) + "-minute cap";
  }
}
