package org.cellarena.web.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which competitions have revealed their private leaderboard, and when. A reveal cannot be undone, so a reveal
 * seen is kept; one made on another server node is seen within {@link #REFRESH_MILLIS}.
 */
public final class Reveals {
  static final long REFRESH_MILLIS = 1000;

  private final Database db;
  private final Map<String, Instant> revealed = new ConcurrentHashMap<>();
  private volatile long loadedAt;

  public Reveals(Database db) {
    this.db = db;
    load();
  }

  private void load() {
    loadedAt = System.currentTimeMillis();
    db.autoCommit(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT competition, revealed_at FROM reveals");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          revealed.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
        }
      }
      return null;
    });
  }

  public boolean isRevealed(String competition) {
    return revealedAt(competition).isPresent();
  }

  public Optional<Instant> revealedAt(String competition) {
    Instant at = revealed.get(competition);
    if (at == null && System.currentTimeMillis() - loadedAt > REFRESH_MILLIS) {
      load();
      at = revealed.get(competition);
    }
    return Optional.ofNullable(at);
  }

  /** Reveals the private leaderboard; false when it already was. */
  public synchronized boolean reveal(String competition) {
    load();
    if (revealed.containsKey(competition)) {
      return false;
    }
    Instant now = Instant.now();
    db.autoCommit(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO reveals (competition, revealed_at) VALUES (?, ?)")) {
        s.setString(1, competition);
        s.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return s.executeUpdate();
      }
    });
    revealed.put(competition, now);
    return true;
  }
}
