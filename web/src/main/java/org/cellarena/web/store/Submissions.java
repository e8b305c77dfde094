package org.cellarena.web.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The submissions table: adding one (with its file) and reading them. Beside it: {@link Leases} (the scoring
 * queue), {@link Quotas} (what counts against the daily limits), {@link FinalPicks} and {@link Results}.
 */
public final class Submissions {
  /** The audit log's action for an upload refused while it was read; it counts as an attempt. */
  public static final String REFUSED_UPLOAD = "upload.refused";

  /** The audit log's actor for a team's own doing. */
  public static String teamActor(long teamId) {
    return "team " + teamId;
  }

  private final Database db;

  public Submissions(Database db) {
    this.db = db;
  }

  /** Moves an accepted upload to its final place once the submission's id is known. */
  @FunctionalInterface
  public interface FilePlacer {
    /** Places the file for submission {@code id}; returns its path relative to the data dir. */
    String place(long id);
  }

  /**
   * Adds a queued submission and places its file, in one transaction: when this returns, the row is committed
   * and the file is where the row says. {@code admission} runs first, under the team's row lock, so that it sees
   * every other submission of the team committed before (the daily limits hold across server nodes).
   */
  public long add(String competition, long teamId, String description, String fileName, long storedBytes,
      String sha256, Runnable admission, FilePlacer placer) {
    return insert(null, competition, teamId, description, fileName, storedBytes, sha256, admission, placer);
  }

  /**
   * Adds a model submission waiting for inference ({@link Inferences}), as {@link #add} does a CSV one: the
   * placer places the archive, which the row names as its model file; its stored file is the CSV that the
   * inference produces, empty until then.
   *
   * @param archiveBytes the archive's size
   * @param archiveSha256 the archive's SHA-256
   * @param checked what the runner's check found
   */
  public long addModel(String competition, long teamId, String description, String fileName, long archiveBytes,
      String archiveSha256, CheckedModel checked, Runnable admission, FilePlacer placer) {
    return insert(checked, competition, teamId, description, fileName, archiveBytes, archiveSha256, admission,
        placer);
  }

  /**
   * What the model runner's check found in an archive.
   *
   * @param weightsSha256 the SHA-256 of its weights file
   * @param description the runner's one line about it (cut to 300 characters)
   */
  public record CheckedModel(String weightsSha256, String description) {
    public CheckedModel {
      description = description == null || description.length() <= 300 ? description
          : description.substring(0, 297) + "...";
    }
  }

  /** @param checked the model of an archive (waiting for inference), null for a CSV */
  private long insert(CheckedModel checked, String competition, long teamId, String description, String fileName,
      long storedBytes, String sha256, Runnable admission, FilePlacer placer) {
    boolean model = checked != null;
    return db.transaction(c -> {
      Sql.lockTeam(c, teamId);
      admission.run();
      long id;
      try (PreparedStatement s = c.prepareStatement("""
          INSERT INTO submissions (competition, team_id, description, file_name, stored_file, stored_bytes, sha256,
                                   status, created_at, weights_sha256, model_description)
          VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, competition);
        s.setLong(2, teamId);
        s.setString(3, description);
        s.setString(4, fileName);
        s.setLong(5, storedBytes);
        s.setString(6, sha256);
        s.setString(7, (model ? Status.INFERENCE_QUEUED : Status.QUEUED).label());
        s.setObject(8, Sql.utc(Instant.now()));
        s.setString(9, model ? checked.weightsSha256() : null);
        s.setString(10, model ? checked.description() : null);
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      String placed = placer.place(id);
      try (PreparedStatement s = c.prepareStatement(model ? "UPDATE submissions SET model_file = ? WHERE id = ?"
          : "UPDATE submissions SET stored_file = ? WHERE id = ?")) {
        s.setString(1, placed);
        s.setLong(2, id);
        s.executeUpdate();
      }
      return id;
    });
  }

  /** The stored file of every submission (relative to the data dir), to tell a stray file from a stored one. */
  public Set<String> storedFiles() {
    return db.autoCommit(c -> {
      Set<String> files = new HashSet<>();
      try (PreparedStatement q = c.prepareStatement("SELECT stored_file FROM submissions "
          + "UNION SELECT model_file FROM submissions WHERE model_file IS NOT NULL");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          files.add(rs.getString(1));
        }
      }
      return files;
    });
  }

  public Optional<SubmissionRow> find(long id) {
    List<SubmissionRow> rows = rows(" WHERE s.id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** A team's submissions to a competition, newest first. */
  public List<SubmissionRow> forTeam(String competition, long teamId) {
    return rows(" WHERE s.competition = ? AND s.team_id = ? ORDER BY s.id DESC", competition, teamId);
  }

  /** Every submission waiting or being scored, in all competitions, oldest first. */
  public List<SubmissionRow> active() {
    return rows(" WHERE s.status IN ('queued', 'scoring') ORDER BY s.id");
  }

  /** Every model submission waiting for inference or inferring, in all competitions, oldest first. */
  public List<SubmissionRow> inInference() {
    return rows(" WHERE s.status IN ('inference_queued', 'inferring') ORDER BY s.id");
  }

  /** Every submission to a competition, oldest first. */
  public List<SubmissionRow> forCompetition(String competition) {
    return rows(" WHERE s.competition = ? ORDER BY s.id", competition);
  }

  private List<SubmissionRow> rows(String whereAndOrder, Object... args) {
    return SubmissionRows.query(db, SubmissionRows.SELECT + whereAndOrder, args);
  }
}
