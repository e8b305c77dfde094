package org.cellarena.web.competition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cellarena.scoring.io.Usage;

/**
 * How much of its scoring a team sees ({@code "feedback"} in {@code competition.json}), per part of the test set
 * ({@link #disclosure}). The admin always sees everything. Per-prediction numbers appear only on the Feedback
 * images, which count on no leaderboard, or at {@link #FULL}: on an image that counts for a board they would be an
 * oracle of its ground truth. Only {@link #FULL}, meant for practice competitions whose labels are not secret,
 * draws the ground truth.
 */
public enum Feedback {
  /** The score, its interval, the precision per threshold and the score per cell type. */
  SCORES("scores", "Teams see their scores only: the score with its interval, the precision per IoU threshold and "
      + "the score per cell type."),
  /** Also per-image rows; overlays coloured by match on the Feedback images only. */
  BREAKDOWN("breakdown", "Teams see their scores and a per-image breakdown: on the Feedback images, which count on "
      + "no leaderboard, overlays coloured by match with each prediction's best IoU; on leaderboard images only "
      + "each image's score and counts. Never the ground truth."),
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

  /**
   * How much a team sees of an image of the part {@code usage}: nothing per image at {@code scores}; Private
   * images nothing before the reveal; with the Ladder rule, Public images nothing before the reveal either (their
   * scores would give the exact public score away); Feedback images their detail, the others their counts, and
   * every image its ground truth at {@code full}.
   */
  public Disclosure disclosure(Usage usage, boolean revealed, boolean ladder) {
    if (this == SCORES || (usage == Usage.PRIVATE && !revealed) || (usage == Usage.PUBLIC && ladder && !revealed)) {
      return Disclosure.NONE;
    }
    if (this == FULL) {
      return Disclosure.TRUTH;
    }
    return usage == Usage.FEEDBACK ? Disclosure.DETAIL : Disclosure.COUNTS;
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
