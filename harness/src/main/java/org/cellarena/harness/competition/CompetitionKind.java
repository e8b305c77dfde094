package org.cellarena.harness.competition;

import java.util.Locale;

/**
 * What teams submit ({@code "kind"} in {@code competition.json}): predictions as a CSV, or a model that the server
 * runs on the test images it keeps hidden (web/docs/model-competitions.md).
 */
public enum CompetitionKind {
  CSV,
  MODEL;

  /** The name in {@code competition.json} and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code label}; null when there is none of that name. */
  public static CompetitionKind of(String label) {
    for (CompetitionKind kind : values()) {
      if (kind.label().equals(label.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    return null;
  }
}
