package org.cellarena.web.store;


import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scoring results stored for the submissions, old ones included (a rescore adds one). */
public final class Results {
  private final Database db;

  public Results(Database db) {
    this.db = db;
  }

  /** Every result ever stored for the competition's submissions, old ones included, by submission. */
  public List<ScoreRowOf> allResults(String competition) {
    return db.autoCommit(c -> {
      List<ScoreRowOf> out = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT r.submission_id, r.id AS result_id, r.scorer_version, r.solution_hash, r.public_score,
                 r.public_ci_low, r.public_ci_high, r.private_score, r.seconds, r.scored_at, r.masks,
                 r.tiny_masks, r.predicted_images
          FROM results r JOIN submissions s ON s.id = r.submission_id
          WHERE s.competition = ? ORDER BY r.submission_id, r.id""")) {
        q.setString(1, competition);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            out.add(new ScoreRowOf(rs.getLong("submission_id"), SubmissionRows.score(rs)));
          }
        }
      }
      return out;
    });
  }

  /** A result with the submission it belongs to. */
  public record ScoreRowOf(long submissionId, ScoreRow score) {}

  /** The detail JSON of the submission's latest result, if it has one. */
  public Optional<String> latestDetail(long id) {
    return db.autoCommit(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT detail FROM results WHERE submission_id = ? ORDER BY id DESC LIMIT 1")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }
}
