package org.cellarena.web.store;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Competition settings the host changed while serving (title, deadline, daily limit...), kept so that they
 * outlive a restart; they override {@code competition.json}. Each value is stored as JSON.
 */
public final class CompetitionEdits {
  private final Database db;

  public CompetitionEdits(Database db) {
    this.db = db;
  }

  /** The competition's edited settings by name; empty when none was edited. */
  public JsonObject of(String competition) {
    return db.autoCommit(c -> {
      JsonObject edits = new JsonObject();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT name, val FROM competition_settings WHERE competition = ?")) {
        q.setString(1, competition);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            edits.put(rs.getString(1), Json.decodeValue(rs.getString(2)));
          }
        }
      }
      return edits;
    });
  }

  /** Stores the given settings (each replacing an earlier edit of the same name), in one transaction. */
  public void put(String competition, JsonObject changes) {
    db.transaction(c -> {
      for (String name : changes.fieldNames()) {
        try (PreparedStatement d = c.prepareStatement(
            "DELETE FROM competition_settings WHERE competition = ? AND name = ?")) {
          d.setString(1, competition);
          d.setString(2, name);
          d.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO competition_settings (competition, name, val) VALUES (?, ?, ?)")) {
          s.setString(1, competition);
          s.setString(2, name);
          s.setString(3, Json.encode(changes.getValue(name)));
          s.executeUpdate();
        }
      }
      return null;
    });
  }
}
