package org.cellarena.web.competition;

/**
 * How much a team sees of one test image of its own scored submission, from least to most. Any number per
 * predicted object (its best IoU, whether it matched) is ground truth in disguise: a submission of 1-pixel masks
 * would learn from it which pixels lie in a cell and that cell's area. So such numbers are shown only on images
 * that count on no leaderboard (the Feedback part) or whose labels are not secret ({@code full}).
 */
public enum Disclosure {
  /** No per-image row, no overlay. */
  NONE("nothing"),
  /** The image's score and counts (cells, predictions, TP/FP/FN per threshold, error kinds); an overlay that
   * draws the team's predictions in one colour, with their areas and boxes only. */
  COUNTS("its score and counts; the overlay of its predictions, uncoloured by match"),
  /** Also each prediction's best IoU and whether it matched: the overlay coloured by match. */
  DETAIL("its score and counts; the overlay coloured by match, with each prediction's best IoU"),
  /** Also the ground-truth cells, drawn and listed. */
  TRUTH("everything: the overlay draws and lists the ground-truth cells too");

  private final String sentence;

  Disclosure(String sentence) {
    this.sentence = sentence;
  }

  /** What a team gets of an image at this disclosure, for the Evaluation tab. */
  public String sentence() {
    return sentence;
  }

  public boolean showsImage() {
    return this != NONE;
  }

  public boolean showsOutcomes() {
    return this == DETAIL || this == TRUTH;
  }

  public boolean showsTruth() {
    return this == TRUTH;
  }
}
