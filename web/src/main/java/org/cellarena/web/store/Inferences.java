package org.cellarena.web.store;

import static org.cellarena.web.store.Sql.prepare;
import static org.cellarena.web.store.Sql.update;
import static org.cellarena.web.store.Sql.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;

/**
 * The inference queue in the submissions table, beside the scoring one ({@link Leases}) and leased the same way:
 * a model submission waits as inference_queued, is claimed as inferring under a lease that its worker's
 * heartbeat extends, and ends queued (for scoring, with the CSV its model produced) or failed. Whatever a worker
 * writes, it writes only while it holds the lease, so each inference is recorded once.
 */
public final class Inferences {
  /** How many claims an inference gets: a model that stops its worker twice (a crash, a kill) fails. */
  public static final int MAX_ATTEMPTS = 2;
  public static final String WORKER_STOPPED = "Inference Error: the model stopped the inference worker twice";
  private static final String INTERRUPTED = "status = 'inferring' AND lease_until < ?";
  private static final String ANY_INFERRING = "status = 'inferring'";

  private final Database db;

  public Inferences(Database db) {
    this.db = db;
  }

  /**
   * A claimed model submission: its team, competition, stored archive (relative to the data dir) and the
   * inference seconds its earlier, interrupted attempts were charged.
   */
  public record Claimed(long id, long teamId, String competition, String modelFile, double chargedBefore) {}

  /**
   * Claims the next model submission of the given competitions: teams take turns (a team with none inferring
   * first, then the team whose last inference started longest ago, then the oldest submission), one claim at a
   * time under the lock on queue_lock's row, so that every claim on any node sees the ones before it; a lease
   * that expired first goes back to the queue (its worker died).
   */
  public Optional<Claimed> claimNext(Collection<String> competitions, String owner, Instant now,
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
      requeue(c, INTERRUPTED, utc(now));
      Claimed next = null;
      try (PreparedStatement q = prepare(c, """
          SELECT s.id, s.team_id, s.competition, s.model_file, COALESCE(s.inference_seconds, 0) FROM submissions s
          WHERE s.status = 'inference_queued' AND s.competition IN (""" + in + """
          )
          ORDER BY CASE WHEN EXISTS (SELECT 1 FROM submissions b WHERE b.team_id = s.team_id
                                     AND b.status = 'inferring') THEN 1 ELSE 0 END,
                   (SELECT MAX(b.inference_started_at) FROM submissions b WHERE b.team_id = s.team_id) NULLS FIRST,
                   s.id
          LIMIT 1""", competitions.toArray()); ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          next = new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDouble(5));
        }
      }
      if (next == null) {
        return Optional.<Claimed>empty();
      }
      try (PreparedStatement s = prepare(c, "UPDATE submissions SET status = 'inferring', inference_started_at = ?, "
          + "inference_attempts = inference_attempts + 1, inference_progress = NULL, lease_owner = ?, lease_until = ? WHERE id = ? AND status = 'inference_queued'",
          utc(now), owner, utc(leaseUntil), next.id())) {
        return s.executeUpdate() == 1 ? Optional.of(next) : Optional.<Claimed>empty();
      }
    });
  }

  /**
   * Extends a lease that {@code owner} still holds and charges the seconds used so far (so that a run that
   * crashes its worker still counts for the team's compute); false when it lost the lease.
   */
  public boolean extendLease(long id, String owner, Instant leaseUntil, double chargedSeconds) {
    return update(db, "UPDATE submissions SET lease_until = ?, inference_seconds = ? WHERE id = ? "
        + "AND status = 'inferring' AND lease_owner = ?", utc(leaseUntil), chargedSeconds, id, owner) == 1;
  }

  /** Whether {@code owner} still holds the lease on the inference. */
  public boolean holds(long id, String owner) {
    return Sql.count(db, "SELECT COUNT(*) FROM submissions WHERE id = ? AND status = 'inferring' AND lease_owner = ?",
        id, owner) == 1;
  }

  /** Records how far the inference is, e.g. "image 120 of 240"; false when {@code owner} lost the lease. */
  public boolean progress(long id, String owner, String progress) {
    return update(db, "UPDATE submissions SET inference_progress = ? WHERE id = ? AND status = 'inferring' "
        + "AND lease_owner = ?", progress, id, owner) == 1;
  }

  /**
   * Queues the submission for scoring with the CSV its model produced (already in place at {@code storedFile}),
   * if {@code owner} still holds the lease.
   */
  public boolean produced(long id, String owner, String storedFile, long storedBytes, String sha256,
      double seconds, String detailJson) {
    return update(db, "UPDATE submissions SET status = 'queued', stored_file = ?, stored_bytes = ?, sha256 = ?, "
        + "inference_seconds = ?, inference = ?, inference_progress = NULL, lease_owner = NULL, lease_until = NULL "
        + "WHERE id = ? AND status = 'inferring' AND lease_owner = ?",
        storedFile, storedBytes, sha256, seconds, detailJson, id, owner) == 1;
  }

  /** Fails the submission with the sentence its team reads, if {@code owner} still holds the lease. */
  public boolean fail(long id, String owner, String reason, double seconds) {
    return update(db, "UPDATE submissions SET status = 'failed', error = ?, finished_at = ?, inference_seconds = ?, "
        + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'inferring' AND lease_owner = ?",
        reason, utc(Instant.now()), seconds, id, owner) == 1;
  }

  /**
   * Queues again an inference that {@code owner} stopped unfinished (its server is stopping, its disk is full):
   * not the model's doing, so the attempt does not count.
   */
  public boolean handBack(long id, String owner) {
    return update(db, "UPDATE submissions SET status = 'inference_queued', inference_progress = NULL, "
        + "inference_attempts = inference_attempts - 1, "
        + "lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'inferring' AND lease_owner = ?",
        id, owner) == 1;
  }

  /**
   * Queues again what was inferring when the server stopped; returns how many. Only for a database that one
   * process owns: elsewhere a live worker may hold that work.
   */
  public int requeueInterrupted() {
    return db.transaction(c -> requeue(c, ANY_INFERRING));
  }

  /** Queues again the interrupted inferences that {@code where} selects, failing those out of attempts. */
  private static int requeue(Connection c, String where, Object... params) throws SQLException {
    int failed;
    try (PreparedStatement s = prepare(c, "UPDATE submissions SET status = 'failed', error = '" + WORKER_STOPPED
        + "', finished_at = CURRENT_TIMESTAMP, inference_progress = NULL, lease_owner = NULL, lease_until = NULL "
        + "WHERE " + where + " AND inference_attempts >= " + MAX_ATTEMPTS, params)) {
      failed = s.executeUpdate();
    }
    try (PreparedStatement s = prepare(c, "UPDATE submissions SET status = 'inference_queued', "
        + "inference_progress = NULL, lease_owner = NULL, lease_until = NULL WHERE " + where, params)) {
      return failed + s.executeUpdate();
    }
  }

  /** The inference seconds a team used in a competition on inferences started since {@code since}. */
  public double secondsSince(String competition, long teamId, Instant since) {
    return db.autoCommit(c -> {
      try (PreparedStatement q = prepare(c, "SELECT COALESCE(SUM(inference_seconds), 0) FROM submissions "
          + "WHERE competition = ? AND team_id = ? AND inference_started_at >= ?", competition, teamId, utc(since));
           ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    });
  }
}
