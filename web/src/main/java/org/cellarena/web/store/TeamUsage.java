package org.cellarena.web.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Each team's recent scoring time, as one number per team ({@code usage_key}) that orders the teams the way
 * their decayed scoring seconds do; the scoring package's {@code SharedFairQueue} says how it is computed.
 */
public final class TeamUsage {
  private final Database db;

  public TeamUsage(Database db) {
    this.db = db;
  }

  /**
   * Replaces a team's key by {@code next} applied to its current one ({@link Double#NEGATIVE_INFINITY} when it
   * has none), atomically: the row stays locked in between.
   */
  public void update(long teamId, DoubleUnaryOperator next) {
    db.transaction(c -> {
      double current = Double.NEGATIVE_INFINITY;
      boolean exists = false;
      try (PreparedStatement q = c.prepareStatement("SELECT usage_key FROM team_usage WHERE team_id = ? FOR UPDATE")) {
        q.setLong(1, teamId);
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            exists = true;
            current = rs.getDouble(1);
          }
        }
      }
      double key = next.applyAsDouble(current);
      try (PreparedStatement s = c.prepareStatement(exists
          ? "UPDATE team_usage SET usage_key = ? WHERE team_id = ?"
          : "INSERT INTO team_usage (usage_key, team_id) VALUES (?, ?)")) {
        s.setDouble(1, key);
        s.setLong(2, teamId);
        s.executeUpdate();
      } catch (SQLException e) {
        if (!Settings.UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        // another worker inserted the team's first row meanwhile: the update on the next scoring catches up
      }
      return null;
    });
  }

  /** Every team's key. */
  public Map<Long, Double> keys() {
    return db.autoCommit(c -> {
      Map<Long, Double> keys = new HashMap<>();
      try (PreparedStatement q = c.prepareStatement("SELECT team_id, usage_key FROM team_usage");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          keys.put(rs.getLong(1), rs.getDouble(2));
        }
      }
      return keys;
    });
  }
}
