package org.cellarena.web.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** The scoring workers alive, on any node: each says so at its start and on every heartbeat. */
public final class ScoringWorkers {
  private final Database db;

  public ScoringWorkers(Database db) {
    this.db = db;
  }

  /** Records that worker {@code id}, with {@code threads} scoring threads, is alive at {@code now}. */
  public void seen(String id, int threads, Instant now) {
    db.transaction(c -> {
      try (PreparedStatement u = c.prepareStatement("UPDATE scoring_workers SET seen_at = ? WHERE id = ?")) {
        u.setObject(1, Sql.utc(now));
        u.setString(2, id);
        if (u.executeUpdate() == 1) {
          return null;
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO scoring_workers (id, threads, started_at, seen_at) VALUES (?, ?, ?, ?)")) {
        s.setString(1, id);
        s.setInt(2, threads);
        s.setObject(3, Sql.utc(now));
        s.setObject(4, Sql.utc(now));
        s.executeUpdate();
      }
      return null;
    });
  }

  /** Removes a worker that stops cleanly, and those not seen since {@code staleBefore} (they died). */
  public void remove(String id, Instant staleBefore) {
    db.autoCommit(c -> {
      try (PreparedStatement d = c.prepareStatement("DELETE FROM scoring_workers WHERE id = ? OR seen_at < ?")) {
        d.setString(1, id);
        d.setObject(2, Sql.utc(staleBefore));
        return d.executeUpdate();
      }
    });
  }

  /** How many workers were seen since {@code since}, and their scoring threads in all. */
  public record Alive(int workers, int threads) {}

  public Alive alive(Instant since) {
    return db.autoCommit(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT COUNT(*), COALESCE(SUM(threads), 0) FROM scoring_workers WHERE seen_at >= ?")) {
        q.setObject(1, Sql.utc(since));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return new Alive(rs.getInt(1), rs.getInt(2));
        }
      }
    });
  }
}
