package org.cellarena.scoring.io;

/** Which leaderboard an image of the solution counts on. */
public enum Usage {
  PUBLIC("Public"),
  PRIVATE("Private");

  private final String label;

  Usage(String label) {
    this.label = label;
  }

  /** The spelling in {@code solution.csv}: Public or Private. */
  public String label() {
    return label;
  }

  /** Parses Public/Private, case-insensitively; null when it is neither. */
  public static Usage parse(String text) {
    for (Usage u : values()) {
      if (u.label.equalsIgnoreCase(text.trim())) {
        return u;
      }
    }
    return null;
  }
}
