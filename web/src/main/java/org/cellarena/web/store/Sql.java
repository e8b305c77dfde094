package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The JDBC steps the stores share: statements with their arguments, counts, updates, row locks, UTC times. */
final class Sql {
  private Sql() {}

  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }

  /** Runs an update in its own transaction; returns the rows it changed. */
  static int update(Database db, String sql, Object... args) {
    return db.autoCommit(c -> {
      try (PreparedStatement s = prepare(c, sql, args)) {
        return s.executeUpdate();
      }
    });
  }

  /** The one number a {@code SELECT COUNT(*)} answers. */
  static int count(Database db, String sql, Object... args) {
    return db.autoCommit(c -> {
      try (PreparedStatement q = prepare(c, sql, args); ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  /** Waits for, then holds until the transaction ends, the lock on a team's row: the team's writes take turns. */
  static void lockTeam(Connection c, long teamId) throws SQLException {
    try (PreparedStatement q = prepare(c, "SELECT id FROM teams WHERE id = ? FOR UPDATE", teamId);
         ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("no team " + teamId);
      }
    }
  }

  static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.DOUBLE);
    } else {
      s.setDouble(index, value);
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
