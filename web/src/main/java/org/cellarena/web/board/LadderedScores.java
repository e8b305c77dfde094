package org.cellarena.web.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Ladder;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;

/**
 * The public scores as teams see them: under a competition's {@link Ladder} until the reveal, each submission's
 * public score replaced by the one the Ladder shows (its interval dropped: it would tell the real score); as
 * stored otherwise. The one place the rule meets the submissions, for the boards and the submission views alike.
 */
public final class LadderedScores {
  private LadderedScores() {}

  /** {@code rows} (any order, any teams) with their public scores as shown; the same list when no Ladder applies. */
  public static List<SubmissionRow> shown(Competition competition, boolean revealed, List<SubmissionRow> rows) {
    Ladder ladder = competition.ladder();
    if (ladder == null || revealed) {
      return rows;
    }
    Map<Long, List<SubmissionRow>> byTeam = new LinkedHashMap<>();
    rows.stream().sorted(Comparator.comparingLong(SubmissionRow::id))
        .forEach(s -> byTeam.computeIfAbsent(s.teamId(), t -> new ArrayList<>()).add(s));
    Map<Long, SubmissionRow> shown = new HashMap<>();
    for (List<SubmissionRow> team : byTeam.values()) {
      List<Double> scores = ladder.shown(team.stream().map(LadderedScores::publicScore).toList());
      for (int i = 0; i < team.size(); i++) {
        SubmissionRow s = team.get(i);
        shown.put(s.id(), s.score() == null ? s : s.withScore(s.score().withPublicShown(scores.get(i))));
      }
    }
    return rows.stream().map(s -> shown.get(s.id())).toList();
  }

  /** A scored (not failed) submission's public score; null otherwise. */
  private static Double publicScore(SubmissionRow s) {
    return s.score() == null || s.status() == Status.FAILED ? null : s.score().publicScore();
  }
}
