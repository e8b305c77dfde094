package org.cellarena.scoring.metric;

import java.util.Locale;

/**
 * What happened to one cell or one prediction at IoU 0.5, in the one vocabulary of the breakdown (see
 * {@link ImageScorer}): a cell is matched, missed, split (two or more predictions lie mostly within it) or merged
 * (it lies mostly within a merged prediction); a prediction is matched, spurious, merged (two or more cells lie
 * mostly within it) or split (it is a piece of a split cell).
 */
public enum Outcome {
  MATCHED, MISSED, SPURIOUS, SPLIT, MERGED;

  /** The lower-case name the API and the pages use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
