package org.cellarena.scoring.io;

import java.time.Duration;

/** A point in time after which reading and scoring a submission stop (see {@link SubmissionLimits#time()}). */
public final class Deadline {
  private final Duration limit;
  private final long endNanos;

  private Deadline(Duration limit) {
    this.limit = limit;
    this.endNanos = System.nanoTime() + Math.min(limit.toNanos(), Long.MAX_VALUE / 4);
  }

  /** The deadline {@code limit} from now. */
  public static Deadline after(Duration limit) {
    return new Deadline(limit);
  }

  public boolean passed() {
    return System.nanoTime() - endNanos > 0;
  }

  /** The duration it was set for, for messages. */
  public Duration limit() {
    return limit;
  }

  /** "the time limit of 60 s", as messages name it. */
  public String describe() {
    return "the time limit of " + limit.toSeconds() + " s";
  }
}
