package org.cellarena.scoring.metric;

/** Scoring gave up because its {@link org.cellarena.scoring.io.Deadline} passed; the message says which limit. */
public final class TimeLimitException extends RuntimeException {
  public TimeLimitException(String message) {
    super(message);
  }
}
