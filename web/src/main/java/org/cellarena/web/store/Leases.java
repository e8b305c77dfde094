package org.cellarena.web.store;

import static org.cellarena.web.store.Sql.prepare;
import static org.cellarena.web.store.Sql.update;
import static org.cellarena.web.store.Sql.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scoring queue in the submissions table: what is queued, leases on the submissions being scored (claimed,
 * extended, handed back, expired), and their end (a result or a failure). Whatever is queued (or was scoring when
 * the server died) is scored on the next start.
 */
public final class Leases {
  private static final String REQUEUE_EXPIRED = "UPDATE submissions SET status = 'queued', started_at = NULL, "
      + "lease_owner = NULL, lease_until = NULL WHERE status = 'scoring' AND lease_until < ?";

  private final Database db;

  public Leases(Database db) {
    this.db = db;
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
    return update(db, "UPDATE submissions SET status = 'queued', started_at = NULL, lease_owner = NULL, "
        + "lease_until = NULL WHERE status = 'scoring'");
  }

  /**
   * Puts back in the queue the submissions whose lease expired before {@code now}: their worker died or lost the
   * database before it could record the result. Returns how many.
   */
  public int requeueExpired(Instant now) {
    return update(db, REQUEUE_EXPIRED, utc(now));
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
    return update(db, "UPDATE submissions SET status = 'scoring', started_at = ?, lease_owner = ?, lease_until = ? "
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
    return update(db, "UPDATE submissions SET status = 'queued', lease_owner = NULL, lease_until = NULL "
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
    return update(db, "UPDATE submissions SET lease_until = ? WHERE id = ? AND status = 'scoring' AND lease_owner = ?",
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
        Sql.setDouble(s, 4, r.publicScore());
        Sql.setDouble(s, 5, r.publicCiLow());
        Sql.setDouble(s, 6, r.publicCiHigh());
        Sql.setDouble(s, 7, r.privateScore());
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

  /**
   * Queues a scored or failed submission again (a rescore); false when it is already waiting or scoring, or has
   * no file to score (a model submission whose inference failed).
   */
  public boolean requeue(long id) {
    return update(db, "UPDATE submissions SET status = 'queued', started_at = NULL, finished_at = NULL "
        + "WHERE id = ? AND status IN ('scored', 'failed') AND stored_file <> ''", id) == 1;
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
}
