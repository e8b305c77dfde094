package org.cellarena.web.competition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much of its scoring a team sees ({@code "feedback"} in {@code competition.json}). The admin always sees
 * everything. No level shows a team the ground truth of a secret test set: only {@link #FULL}, meant for practice
 * competitions whose labels are not secret, draws it.
 */
public enum Feedback {
  /** The score, its interval, the precision per threshold and the score per cell type. */
  SCORES("scores", "Teams see their scores only: the score with its interval, the precision per IoU threshold and "
      + "the score per cell type."),
  /** Also the per-image rows and overlays that draw the team's own predictions only, matched or unmatched. */
  BREAKDOWN("breakdown", "Teams see their scores and a per-image breakdown, with overlays that draw their own "
      + "predictions, matched or unmatched, and never the ground truth."),
  /** Everything, ground truth drawn in the overlays: for practice competitions whose test labels are not secret. */
  FULL("full", "Practice competition: the test labels are not secret, and the overlays draw the ground-truth cells "
      + "beside each team's predictions.");

  /** Where {@code competition.json} says nothing. */
  public static final Feedback DEFAULT = BREAKDOWN;

  private final String label;
  private final String sentence;

  Feedback(String label, String sentence) {
    this.label = label;
    this.sentence = sentence;
  }

  /** The name in {@code competition.json} and the API. */
  public String label() {
    return label;
  }

  /** The one sentence the competition page shows. */
  public String sentence() {
    return sentence;
  }

  /** Whether per-image rows and overlays are shown. */
  public boolean showsImages() {
    return this != SCORES;
  }

  /** Whether overlays draw the ground truth. */
  public boolean showsTruth() {
    return this == FULL;
  }

  /** The level named {@code label}; null when there is none of that name. */
  public static Feedback of(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label.toLowerCase(Locale.ROOT))).findFirst()
        .orElse(null);
  }

  /** "scores, breakdown or full", for messages. */
  public static String choices() {
    return Arrays.stream(values()).map(Feedback::label).collect(Collectors.joining(", ", "", ""))
        .replaceFirst(", (\\w+)$", " or $1");
  }
}
