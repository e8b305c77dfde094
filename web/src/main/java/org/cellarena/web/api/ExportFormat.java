package org.cellarena.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.csv.CsvWriter;
import org.cellarena.web.store.ScoreRow;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Results.ScoreRowOf;

/** The admin export of a competition, as CSV (a row per result) or JSON (results nested per submission). */
final class ExportFormat {
  private static final String[] HEADER = {"submission", "team", "created_at", "status", "final_pick", "description",
      "file_name", "stored_file", "sha256", "error", "result", "scorer_version", "solution_hash", "public_score",
      "private_score", "scored_at"};

  private ExportFormat() {}

  static String csv(List<SubmissionRow> rows, Map<Long, List<ScoreRowOf>> results) {
    CsvWriter csv = new CsvWriter().row((Object[]) HEADER);
    for (SubmissionRow s : rows) {
      List<Object> submission = Arrays.asList(s.id(), s.teamName(), s.createdAt(), s.status().label(),
          s.finalPick(), s.description(), s.fileName(), s.storedFile(), s.sha256(), s.error());
      List<ScoreRowOf> own = results.getOrDefault(s.id(), List.of());
      if (own.isEmpty()) {
        csv.row(cells(submission, null, null, null, null, null, null));
      }
      for (ScoreRowOf r : own) {
        ScoreRow score = r.score();
        csv.row(cells(submission, score.resultId(), score.scorerVersion(), score.solutionHash(), score.publicScore(),
            score.privateScore(), score.scoredAt()));
      }
    }
    return csv.toString();
  }

  private static Object[] cells(List<Object> submission, Object... result) {
    List<Object> cells = new ArrayList<>(submission);
    cells.addAll(Arrays.asList(result));
    return cells.toArray();
  }

  static JsonObject json(Competition competition, List<SubmissionRow> rows, Map<Long, List<ScoreRowOf>> results) {
    JsonArray submissions = new JsonArray();
    for (SubmissionRow s : rows) {
      JsonArray own = new JsonArray();
      for (ScoreRowOf r : results.getOrDefault(s.id(), List.of())) {
        ScoreRow score = r.score();
        own.add(new JsonObject().put("result", score.resultId()).put("scorer_version", score.scorerVersion())
            .put("solution_hash", score.solutionHash()).put("public_score", score.publicScore())
            .put("public_ci95", new JsonArray().add(score.publicCiLow()).add(score.publicCiHigh()))
            .put("private_score", score.privateScore()).put("seconds", score.seconds())
            .put("scored_at", score.scoredAt().toString()));
      }
      submissions.add(new JsonObject().put("id", s.id()).put("team", s.teamName())
          .put("created_at", s.createdAt().toString()).put("status", s.status().label())
          .put("final_pick", s.finalPick()).put("description", s.description()).put("file_name", s.fileName())
          .put("stored_file", s.storedFile()).put("sha256", s.sha256()).put("error", s.error())
          .put("results", own));
    }
    return new JsonObject().put("competition", competition.id()).put("solution_hash", competition.solutionHash())
        .put("submissions", submissions);
  }
}
