package org.cellarena.model.archive;

/** A model archive that cannot be packed or run. The message is the one sentence its team reads. */
public final class ModelArchiveException extends Exception {
  public ModelArchiveException(String message) {
    super(message);
  }

  /** The same sentence, with the cause the host reads in the log. */
  public ModelArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
