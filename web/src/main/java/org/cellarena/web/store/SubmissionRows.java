package org.cellarena.web.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads submissions, each with its latest result, into {@link SubmissionRow}s. */
final class SubmissionRows {
  /** Every column a row needs; add a WHERE and an ORDER BY. */
  static final String SELECT = """
      SELECT s.id, s.competition, s.team_id, t.name AS team_name, s.description, s.file_name, s.stored_file,
             s.stored_bytes, s.sha256, s.status, s.error, s.final_pick, s.created_at, s.started_at, s.finished_at,
             r.id AS result_id, r.scorer_version, r.solution_hash, r.public_score, r.public_ci_low,
             r.public_ci_high, r.private_score, r.seconds, r.scored_at, r.masks, r.tiny_masks, r.predicted_images,
             s.model_file, s.weights_sha256, s.model_description, s.inference_started_at, s.inference_seconds, s.inference_progress,
             s.inference, s.lease_owner
      FROM submissions s
      JOIN teams t ON t.id = s.team_id
      LEFT JOIN results r ON r.id = (SELECT MAX(r2.id) FROM results r2 WHERE r2.submission_id = s.id)
      """;

  private SubmissionRows() {}

  static List<SubmissionRow> query(Database db, String sql, Object... args) {
    return db.autoCommit(c -> {
      List<SubmissionRow> rows = new ArrayList<>();
      try (PreparedStatement q = Sql.prepare(c, sql, args); ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    });
  }

  private static SubmissionRow row(ResultSet rs) throws SQLException {
    rs.getLong("result_id");
    ScoreRow score = rs.wasNull() ? null : score(rs);
    return new SubmissionRow(rs.getLong("id"), rs.getString("competition"), rs.getLong("team_id"),
        rs.getString("team_name"), rs.getString("description"), rs.getString("file_name"),
        rs.getString("stored_file"), rs.getLong("stored_bytes"), rs.getString("sha256"),
        Status.of(rs.getString("status")), rs.getString("error"), rs.getBoolean("final_pick"),
        instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"), score, model(rs));
  }

  private static ModelRun model(ResultSet rs) throws SQLException {
    String file = rs.getString("model_file");
    return file == null ? null : new ModelRun(file, rs.getString("weights_sha256"),
        rs.getString("model_description"), instant(rs, "inference_started_at"), nullableDouble(rs, "inference_seconds"),
        rs.getString("inference_progress"), rs.getString("inference"), rs.getString("lease_owner"));
  }

  static ScoreRow score(ResultSet rs) throws SQLException {
    return new ScoreRow(rs.getLong("result_id"), rs.getString("scorer_version"), rs.getString("solution_hash"),
        nullableDouble(rs, "public_score"), nullableDouble(rs, "public_ci_low"),
        nullableDouble(rs, "public_ci_high"), nullableDouble(rs, "private_score"), rs.getDouble("seconds"),
        instant(rs, "scored_at"), maskCounts(rs));
  }

  private static MaskCounts maskCounts(ResultSet rs) throws SQLException {
    int masks = rs.getInt("masks");
    return rs.wasNull() ? null : new MaskCounts(masks, rs.getInt("tiny_masks"), rs.getInt("predicted_images"));
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
