package org.cellarena.scoring.io;

/**
 * Which part of the test set an image of the solution belongs to: the Public or the Private leaderboard, or the
 * Feedback part, which is scored and shown to teams in full detail but counts on no leaderboard.
 */
public enum Usage {
  PUBLIC("Public"),
  PRIVATE("Private"),
  FEEDBACK("Feedback");

  private final String label;

  Usage(String label) {
    this.label = label;
  }

  /** The spelling in {@code solution.csv}: Public, Private or Feedback. */
  public String label() {
    return label;
  }

  /** Whether the part's images count on a leaderboard. */
  public boolean countsOnBoard() {
    return this != FEEDBACK;
  }

  /** Parses Public/Private/Feedback, case-insensitively; null when it is none of them. */
  public static Usage parse(String text) {
    for (Usage u : values()) {
      if (u.label.equalsIgnoreCase(text.trim())) {
        return u;
      }
    }
    return null;
  }
}
