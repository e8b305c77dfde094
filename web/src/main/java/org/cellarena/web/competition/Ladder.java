package org.cellarena.web.competition;

import java.util.ArrayList;
import java.util.List;

/**
 * The Ladder rule (Blum &amp; Hardt, "The Ladder: A Reliable Leaderboard for Machine Learning Competitions",
 * 2015): a team's new public score is shown only when it beats the best score shown to the team so far by more
 * than {@code step}; otherwise that best is shown again. Submitting variations to climb the public board by its
 * noise then shows nothing new, while a real improvement still shows.
 *
 * @param step in (0, 1): how much a score must beat the team's best shown one by to be shown
 */
public record Ladder(double step) {

  /**
   * The scores shown for a team's submissions, given their real public scores in the order they were made; a
   * null (no public score) stays null and moves nothing.
   */
  public List<Double> shown(List<Double> scores) {
    List<Double> shown = new ArrayList<>(scores.size());
    Double best = null;
    for (Double score : scores) {
      if (score != null && (best == null || score > best + step)) {
        best = score;
      }
      shown.add(score == null ? null : best);
    }
    return shown;
  }
}
