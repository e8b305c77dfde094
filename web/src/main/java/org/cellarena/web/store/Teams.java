package org.cellarena.web.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cellarena.web.Refusal;

/**
 * Teams and their tokens. A token found once is remembered, so authentication costs no query after that; any
 * change to a team (disabled, benchmark, a new token) forgets what was remembered.
 */
public final class Teams {
  /** The SQL state of a UNIQUE constraint violation. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SELECT = "SELECT id, name, created_at, disabled, benchmark FROM teams";

  private final Database db;
  private final Map<String, Team> byTokenHash = new ConcurrentHashMap<>();

  public Teams(Database db) {
    this.db = db;
  }

  /** Creates a team; its token is in the answer and nowhere else. */
  public NewTeam create(String name) {
    return create(name, Tokens.generate());
  }

  /** Creates a team holding a token chosen elsewhere (an import, a test); only its hash is stored. */
  public NewTeam create(String name, String token) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 100 || clean.chars().anyMatch(Character::isISOControl)) {
      throw Refusal.badRequest("a team name is 1 to 100 printable characters");
    }
    Instant now = Instant.now();
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM teams WHERE name = ?")) {
        q.setString(1, clean);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            throw Refusal.conflict("a team named \"" + clean + "\" already exists");
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO teams (name, token_hash, created_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, clean);
        s.setString(2, Tokens.hash(token));
        s.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        try {
          s.executeUpdate();
        } catch (SQLException e) {
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) { // another request created the name since the check
            throw Refusal.conflict("a team named \"" + clean + "\" already exists");
          }
          throw e;
        }
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          return new NewTeam(new Team(keys.getLong(1), clean, now, false, false), token);
        }
      }
    });
  }

  /** Gives the team of this name a new token; the old one stops working. 404 when there is no such team. */
  public NewTeam renewToken(String name) {
    Optional<Team> team = db.autoCommit(c -> {
      try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE name = ?")) {
        q.setString(1, name);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(team(rs)) : Optional.<Team>empty();
        }
      }
    });
    return team.flatMap(t -> newToken(t.id()))
        .orElseThrow(() -> Refusal.notFound("no team named \"" + name + "\""));
  }

  /** The team holding this token, if any. */
  public Optional<Team> byToken(String token) {
    String hash = Tokens.hash(token);
    Team cached = byTokenHash.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Team> found = db.autoCommit(c -> {
      try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE token_hash = ?")) {
        q.setString(1, hash);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(team(rs)) : Optional.<Team>empty();
        }
      }
    });
    found.ifPresent(t -> byTokenHash.put(hash, t));
    return found;
  }

  /** Forgets the teams remembered by token (another node changed one). */
  public void forgetRemembered() {
    byTokenHash.clear();
  }

  public Optional<Team> find(long id) {
    return db.autoCommit(c -> {
      try (PreparedStatement q = c.prepareStatement(SELECT + " WHERE id = ?")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(team(rs)) : Optional.<Team>empty();
        }
      }
    });
  }

  /** Disables or enables a team; empty when there is no such team. */
  public Optional<Team> setDisabled(long id, boolean disabled) {
    return setFlag(id, "disabled", disabled);
  }

  /** Marks a team as a benchmark row (a baseline) or not; empty when there is no such team. */
  public Optional<Team> setBenchmark(long id, boolean benchmark) {
    return setFlag(id, "benchmark", benchmark);
  }

  /** Gives the team a new token, shown in the answer only; the old one stops working at once. */
  public Optional<NewTeam> newToken(long id) {
    String token = Tokens.generate();
    int changed = db.autoCommit(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE teams SET token_hash = ? WHERE id = ?")) {
        s.setString(1, Tokens.hash(token));
        s.setLong(2, id);
        return s.executeUpdate();
      }
    });
    byTokenHash.clear();
    return changed == 0 ? Optional.empty() : find(id).map(t -> new NewTeam(t, token));
  }

  private Optional<Team> setFlag(long id, String column, boolean value) {
    int changed = db.autoCommit(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE teams SET " + column + " = ? WHERE id = ?")) {
        s.setBoolean(1, value);
        s.setLong(2, id);
        return s.executeUpdate();
      }
    });
    byTokenHash.clear();
    return changed == 0 ? Optional.empty() : find(id);
  }

  public List<Team> all() {
    return db.autoCommit(c -> {
      List<Team> teams = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(SELECT + " ORDER BY id");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          teams.add(team(rs));
        }
      }
      return teams;
    });
  }

  private static Team team(ResultSet rs) throws SQLException {
    return new Team(rs.getLong("id"), rs.getString("name"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("disabled"),
        rs.getBoolean("benchmark"));
  }
}
