package org.cellarena.model.predict;

/** A prediction stopped by its caller's progress callback: nothing was written. */
public final class PredictionStoppedException extends Exception {
  private final int done;
  private final int total;

  public PredictionStoppedException(int done, int total) {
    super("prediction stopped after image " + done + " of " + total);
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
