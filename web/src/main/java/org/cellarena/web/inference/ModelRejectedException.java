package org.cellarena.web.inference;

/** A model that cannot run; the message is the sentence the team reads. */
public final class ModelRejectedException extends Exception {
  public ModelRejectedException(String message) {
    super(message);
  }

  public ModelRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
