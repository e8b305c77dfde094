package org.cellarena.web.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Named values the server keeps between starts (the admin token's hash). */
public final class Settings {
  public static final String ADMIN_TOKEN_HASH = "admin_token_hash";

  /** The SQL state of a unique-constraint violation, in H2 and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private final Database db;

  public Settings(Database db) {
    this.db = db;
  }

  public Optional<String> get(String name) {
    return db.autoCommit(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT val FROM settings WHERE name = ?")) {
        q.setString(1, name);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  /** Stores the value unless one is already there; true when this call stored it. */
  public boolean putIfAbsent(String name, String value) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM settings WHERE name = ?")) {
        q.setString(1, name);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return false;
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO settings (name, val) VALUES (?, ?)")) {
        s.setString(1, name);
        s.setString(2, value);
        s.executeUpdate();
      } catch (SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          return false; // another node stored it between the check and the insert
        }
        throw e;
      }
      return true;
    });
  }
}
