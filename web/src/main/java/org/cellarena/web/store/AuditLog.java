package org.cellarena.web.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The record of admin actions. Append-only: there is no way here to change or remove an entry. */
public final class AuditLog {
  private final Database db;

  public AuditLog(Database db) {
    this.db = db;
  }

  /**
   * Appends one entry.
   *
   * @param actor who: {@code admin} (the API) or {@code cli}
   * @param action what, e.g. {@code team.create}, {@code reveal}, {@code rescore}
   * @param target what it was done to, e.g. a competition id or {@code submission 17}
   */
  public void record(String actor, String action, String target, JsonObject detail) {
    db.autoCommit(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
        s.setObject(1, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        s.setString(2, actor);
        s.setString(3, action);
        s.setString(4, target);
        s.setString(5, detail == null ? null : detail.encode());
        return s.executeUpdate();
      }
    });
  }

  /** Every entry, oldest first. */
  public JsonArray entries() {
    return db.autoCommit(c -> {
      JsonArray out = new JsonArray();
      try (PreparedStatement q = c.prepareStatement(
          "SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String detail = rs.getString("detail");
          out.add(new JsonObject()
              .put("id", rs.getLong("id"))
              .put("at", rs.getObject("at", OffsetDateTime.class).toInstant().toString())
              .put("actor", rs.getString("actor"))
              .put("action", rs.getString("action"))
              .put("target", rs.getString("target"))
              .put("detail", detail == null ? null : new JsonObject(detail)));
        }
      }
      return out;
    });
  }
}
