package org.cellarena.web.store;

/**
 * Where a submission stands. Scored and failed are final until an admin rescores. A model submission is
 * inferred first: inference_queued, inferring, then queued with the CSV its model produced.
 */
public enum Status {
  INFERENCE_QUEUED, INFERRING, QUEUED, SCORING, SCORED, FAILED;

  /** The lower-case name used in the database and the API. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Status of(String label) {
    return valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }

  public boolean isFinal() {
    return this == SCORED || this == FAILED;
  }
}
