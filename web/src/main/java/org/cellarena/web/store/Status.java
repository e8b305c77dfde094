package org.cellarena.web.store;

/** Where a submission stands. Scored and failed are final until an admin rescores. */
public enum Status {
  QUEUED, SCORING, SCORED, FAILED;

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
