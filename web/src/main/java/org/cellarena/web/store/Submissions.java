package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The submissions table and the results beside it. The table is also the scoring queue: whatever is queued (or
 * was scoring when the server died) is scored on the next start.
 */
public final class Submissions {
  /** The audit log's action for an upload refused while it was read; it counts as an attempt. */
  public static final String REFUSED_UPLOAD = "upload.refused";

  private static final String REQUEUE_EXPIRED = "UPDATE submissions SET status = 'queued', started_at = NULL, "
      + "lease_owner = NULL, lease_until = NULL WHERE status = 'scoring' AND lease_until < ?";

  /** The audit log's actor for a team's own doing. */
  public static String teamActor(long teamId) {
    return "team " + teamId;
  }

  private static final String SELECT = """
      SELECT s.id, s.competition, s.team_id, t.name AS team_name, s.description, s.file_name, s.stored_file,
             s.stored_bytes, s.sha256, s.status, s.error, s.final_pick, s.created_at, s.started_at, s.finished_at,
             r.id AS result_id, r.scorer_version, r.solution_hash, r.public_score, r.public_ci_low,
             r.public_ci_high, r.private_score, r.seconds, r.scored_at, r.masks, r.tiny_masks, r.predicted_images
      FROM submissions s
      JOIN teams t ON t.id = s.team_id
      LEFT JOIN results r ON r.id = (SELECT MAX(r2.id) FROM results r2 WHERE r2.submission_id = s.id)
      """;

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
    return db.transaction(c -> {
      lockTeam(c, teamId);
      admission.run();
      long id;
      try (PreparedStatement s = c.prepareStatement("""
          INSERT INTO submissions (competition, team_id, description, file_name, stored_file, stored_bytes, sha256,
                                   status, created_at)
          VALUES (?, ?, ?, ?, '', ?, ?, 'queued', ?)""", Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, competition);
        s.setLong(2, teamId);
        s.setString(3, description);
        s.setString(4, fileName);
        s.setLong(5, storedBytes);
        s.setString(6, sha256);
        s.setObject(7, utc(Instant.now()));
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      String stored = placer.place(id);
      try (PreparedStatement s = c.prepareStatement("UPDATE submissions SET stored_file = ? WHERE id = ?")) {
        s.setString(1, stored);
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
      try (PreparedStatement q = c.prepareStatement("SELECT stored_file FROM submissions");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          files.add(rs.getString(1));
        }
      }
      return files;
    });
  }

  public Optional<SubmissionRow> find(long id) {
    List<SubmissionRow> rows = query(SELECT + " WHERE s.id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** A team's submissions to a competition, newest first. */
  public List<SubmissionRow> forTeam(String competition, long teamId) {
    return query(SELECT + " WHERE s.competition = ? AND s.team_id = ? ORDER BY s.id DESC", competition, teamId);
  }

  /** Every submission waiting or being scored, in all competitions, oldest first. */
  public List<SubmissionRow> active() {
    return query(SELECT + " WHERE s.status IN ('queued', 'scoring') ORDER BY s.id");
  }

  /** Every submission to a competition, oldest first. */
  public List<SubmissionRow> forCompetition(String competition) {
    return query(SELECT + " WHERE s.competition = ? ORDER BY s.id", competition);
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
            out.add(new ScoreRowOf(rs.getLong("submission_id"), score(rs)));
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

  /** A submission waiting to be scored, and its team. */
  public record Queued(long id, long teamId) {}

  /** The queued submissions, in submission order. */
  public List<Queued> queued() {
    return db.autoCommit(c -> {
      List<Queued> queued = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT id, team_id FROM submissions WHERE status = 'queued' ORDER BY id");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          queued.add(new Queued(rs.getLong(1), rs.getLong(2)));
        }
      }
      return queued;
    });
  }

  /**
   * Puts back in the queue what was being scored when the server stopped; returns how many. Only for a database
   * that one process owns (the embedded H2): elsewhere a live worker may hold that work (see {@link #claimNext}).
   */
  public int requeueInterrupted() {
    return update("UPDATE submissions SET status = 'queued', started_at = NULL, lease_owner = NULL, "
        + "lease_until = NULL WHERE status = 'scoring'");
  }

  /**
   * Puts back in the queue the submissions whose lease expired before {@code now}: their worker died or lost the
   * database before it could record the result. Returns how many.
   */
  public int requeueExpired(Instant now) {
    return update(REQUEUE_EXPIRED, utc(now));
  }

  /** Moves a queued submission to scoring under no live lease (a test's stand-in for a dead worker). */
  public boolean claim(long id) {
    return claim(id, "nobody", Instant.now());
  }

  /**
   * Moves a queued submission to scoring, leased to {@code owner} until {@code leaseUntil}; false when it is
   * not queued (already taken or gone).
   */
  public boolean claim(long id, String owner, Instant leaseUntil) {
    return update("UPDATE submissions SET status = 'scoring', started_at = ?, lease_owner = ?, lease_until = ? "
        + "WHERE id = ? AND status = 'queued'", utc(Instant.now()), owner, utc(leaseUntil), id) == 1;
  }

  /**
   * The fair queue's rule in SQL (the same as {@code FairQueue}'s): of the queued submissions to the given
   * competitions, teams with none being scored come first, then the team with the least recent scoring time
   * ({@link TeamUsage}'s key; none yet is least), then the oldest submission. Claims are taken one at a time
   * (under the lock on queue_lock's row), so every claim sees the ones before it committed, on any node; a
   * lease that expired first goes back to the queue (its worker died or lost the database).
   *
   * @param lightLane only a submission of a team with none being scored, and not one handed back ({@link #handBack})
   * @return the claimed submission, leased to {@code owner} until {@code leaseUntil}, or empty when none waits
   */
  public Optional<Queued> claimNext(Collection<String> competitions, boolean lightLane, String owner, Instant now,
      Instant leaseUntil) {
    if (competitions.isEmpty()) {
      return Optional.empty();
    }
    String in = String.join(", ", Collections.nCopies(competitions.size(), "?"));
    return db.transaction(c -> {
      try (PreparedStatement lock = c.prepareStatement("SELECT id FROM queue_lock WHERE id = 1 FOR UPDATE");
           ResultSet rs = lock.executeQuery()) {
        rs.next();
      }
      try (PreparedStatement expired = prepare(c, REQUEUE_EXPIRED, utc(now))) {
        expired.executeUpdate();
      }
      List<Object> args = new ArrayList<>(competitions);
      Queued next = null;
      String light = !lightLane ? "" : """
          AND s.started_at IS NULL AND NOT EXISTS (SELECT 1 FROM submissions b WHERE b.team_id = s.team_id
                                                   AND b.status = 'scoring')""";
      try (PreparedStatement q = prepare(c, """
          SELECT s.id, s.team_id FROM submissions s LEFT JOIN team_usage u ON u.team_id = s.team_id
          WHERE s.status = 'queued' AND s.competition IN (""" + in + ")" + light + """

          ORDER BY CASE WHEN EXISTS (SELECT 1 FROM submissions b WHERE b.team_id = s.team_id
                                     AND b.status = 'scoring') THEN 1 ELSE 0 END,
                   COALESCE(u.usage_key, -1.0E300), s.id
          LIMIT 1""", args.toArray()); ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          next = new Queued(rs.getLong(1), rs.getLong(2));
        }
      }
      if (next == null) {
        return Optional.<Queued>empty();
      }
      try (PreparedStatement s = prepare(c, "UPDATE submissions SET status = 'scoring', started_at = ?, "
          + "lease_owner = ?, lease_until = ? WHERE id = ? AND status = 'queued'",
          utc(now), owner, utc(leaseUntil), next.id())) {
        return s.executeUpdate() == 1 ? Optional.of(next) : Optional.<Queued>empty();
      }
    });
  }

  /**
   * Queues a submission that {@code owner} is scoring again, keeping its {@code started_at}: a queued row with a
   * start time is one that a light lane handed back, which only the other lane takes ({@link #claimNext}).
   * False when {@code owner} no longer holds the lease.
   */
  public boolean handBack(long id, String owner) {
    return update("UPDATE submissions SET status = 'queued', lease_owner = NULL, lease_until = NULL "
        + "WHERE id = ? AND status = 'scoring' AND lease_owner = ?", id, owner) == 1;
  }

  /** Queued submissions per competition (the queue depth). */
  public Map<String, Integer> queuedByCompetition() {
    return db.autoCommit(c -> {
      Map<String, Integer> depth = new TreeMap<>();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT competition, COUNT(*) FROM submissions WHERE status = 'queued' GROUP BY competition");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          depth.put(rs.getString(1), rs.getInt(2));
        }
      }
      return depth;
    });
  }

  /** Extends a lease that {@code owner} still holds; false when it lost it (expired and taken back). */
  public boolean extendLease(long id, String owner, Instant leaseUntil) {
    return update("UPDATE submissions SET lease_until = ? WHERE id = ? AND status = 'scoring' AND lease_owner = ?",
        utc(leaseUntil), id, owner) == 1;
  }

  /**
   * Stores a result (replacing one with the same scorer version and solution hash) and marks the submission
   * scored, if {@code owner} still holds its lease; false (nothing written) when it does not: a late result
   * from a worker whose lease expired is discarded, so each scoring is recorded exactly once.
   */
  public boolean recordResult(long id, String owner, NewResult r) {
    return db.transaction(c -> {
      if (!finish(c, id, owner, Status.SCORED, null)) {
        return false;
      }
      try (PreparedStatement d = c.prepareStatement(
          "DELETE FROM results WHERE submission_id = ? AND scorer_version = ? AND solution_hash = ?")) {
        d.setLong(1, id);
        d.setString(2, r.scorerVersion());
        d.setString(3, r.solutionHash());
        d.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("""
          INSERT INTO results (submission_id, scorer_version, solution_hash, public_score, public_ci_low,
                               public_ci_high, private_score, detail, seconds, scored_at, masks, tiny_masks,
                               predicted_images)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        s.setLong(1, id);
        s.setString(2, r.scorerVersion());
        s.setString(3, r.solutionHash());
        setDouble(s, 4, r.publicScore());
        setDouble(s, 5, r.publicCiLow());
        setDouble(s, 6, r.publicCiHigh());
        setDouble(s, 7, r.privateScore());
        s.setString(8, r.detailJson());
        s.setDouble(9, r.seconds());
        s.setObject(10, utc(Instant.now()));
        s.setInt(11, r.masks().masks());
        s.setInt(12, r.masks().tinyMasks());
        s.setInt(13, r.masks().predictedImages());
        s.executeUpdate();
      }
      return true;
    });
  }

  /** Marks a submission failed with the reason its team will read, if {@code owner} still holds its lease. */
  public boolean fail(long id, String owner, String reason) {
    return db.transaction(c -> finish(c, id, owner, Status.FAILED, reason));
  }

  /** Queues a scored or failed submission again (a rescore); false when it is already waiting or scoring. */
  public boolean requeue(long id) {
    return update("UPDATE submissions SET status = 'queued', started_at = NULL, finished_at = NULL "
        + "WHERE id = ? AND status IN ('scored', 'failed')", id) == 1;
  }

  /**
   * How many of a team's submissions made since {@code since} count against its daily limit: the scored ones
   * and those still waiting (which will count unless they fail).
   */
  public int countTowardsLimit(String competition, long teamId, Instant since) {
    return count("SELECT COUNT(*) FROM submissions WHERE competition = ? AND team_id = ? AND created_at >= ? "
        + "AND status <> 'failed'", competition, teamId, utc(since));
  }

  /**
   * How many submissions a team made since {@code since}, failed ones included, and how many of its uploads
   * were refused while being read (a gzip bomb, a corrupt file: the audit log's {@link #REFUSED_UPLOAD}
   * entries, actor {@code team <id>}).
   */
  public int countAttempts(String competition, long teamId, Instant since) {
    return count("SELECT (SELECT COUNT(*) FROM submissions WHERE competition = ? AND team_id = ? AND created_at >= ?)"
        + " + (SELECT COUNT(*) FROM audit_log WHERE action = '" + REFUSED_UPLOAD + "' AND target = ? AND actor = ?"
        + " AND at >= ?)", competition, teamId, utc(since), competition, teamActor(teamId), utc(since));
  }

  public int finalPickCount(String competition, long teamId) {
    return count("SELECT COUNT(*) FROM submissions WHERE competition = ? AND team_id = ? AND final_pick",
        competition, teamId);
  }

  /**
   * Picks or unpicks a submission of team {@code teamId}; a pick beyond {@code limit} is refused (false). The
   * count is taken under the team's row lock, so that two nodes cannot both give away the last pick.
   */
  public boolean setFinalPick(long id, long teamId, String competition, boolean pick, int limit) {
    return db.transaction(c -> {
      lockTeam(c, teamId);
      if (pick) {
        try (PreparedStatement q = prepare(c, "SELECT COUNT(*) FROM submissions WHERE competition = ? AND team_id = ? "
            + "AND final_pick AND id <> ?", competition, teamId, id); ResultSet rs = q.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= limit) {
            return false;
          }
        }
      }
      try (PreparedStatement s = prepare(c, "UPDATE submissions SET final_pick = ? WHERE id = ?", pick, id)) {
        s.executeUpdate();
      }
      return true;
    });
  }

  /** Waits for, then holds until the transaction ends, the lock on a team's row: the team's writes take turns. */
  private static void lockTeam(Connection c, long teamId) throws SQLException {
    try (PreparedStatement q = prepare(c, "SELECT id FROM teams WHERE id = ? FOR UPDATE", teamId);
         ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("no team " + teamId);
      }
    }
  }

  private static boolean finish(Connection c, long id, String owner, Status status, String error)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE submissions SET status = ?, error = ?, finished_at = ?, "
        + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'scoring' AND lease_owner = ?")) {
      s.setString(1, status.label());
      s.setString(2, error);
      s.setObject(3, utc(Instant.now()));
      s.setLong(4, id);
      s.setString(5, owner);
      return s.executeUpdate() == 1;
    }
  }

  private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.DOUBLE);
    } else {
      s.setDouble(index, value);
    }
  }

  private int update(String sql, Object... args) {
    return db.autoCommit(c -> {
      try (PreparedStatement s = prepare(c, sql, args)) {
        return s.executeUpdate();
      }
    });
  }

  private int count(String sql, Object... args) {
    return db.autoCommit(c -> {
      try (PreparedStatement q = prepare(c, sql, args); ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  private List<SubmissionRow> query(String sql, Object... args) {
    return db.autoCommit(c -> {
      List<SubmissionRow> rows = new ArrayList<>();
      try (PreparedStatement q = prepare(c, sql, args); ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    });
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }

  private static SubmissionRow row(ResultSet rs) throws SQLException {
    rs.getLong("result_id");
    ScoreRow score = rs.wasNull() ? null : score(rs);
    return new SubmissionRow(rs.getLong("id"), rs.getString("competition"), rs.getLong("team_id"),
        rs.getString("team_name"), rs.getString("description"), rs.getString("file_name"),
        rs.getString("stored_file"), rs.getLong("stored_bytes"), rs.getString("sha256"),
        Status.of(rs.getString("status")), rs.getString("error"), rs.getBoolean("final_pick"),
        instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"), score);
  }

  private static ScoreRow score(ResultSet rs) throws SQLException {
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

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
