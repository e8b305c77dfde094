package org.cellarena.web.inference;

/** A prediction stopped on request (its time limit) after {@code done} of {@code total} images. */
public final class InferenceStoppedException extends Exception {
  private final int done;
  private final int total;

  public InferenceStoppedException(int done, int total) {
    super("stopped at image " + (done + 1) + " of " + total);
    this.done = done;
    this.total = total;
  }

  public int done() {
    return done;
  }

  public int total() {
    return total;
  }
}
