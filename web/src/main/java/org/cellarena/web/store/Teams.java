package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.cellarena.web.refusal.Refusal;

/**
 * Teams, their tokens and the competitions they take part in. A token found once is remembered, and so are a
 * team's competitions, so authentication costs no query after that; any change to a team (disabled, benchmark, a
 * new token) forgets what was remembered. Names are kept normalised and unique by their look ({@link TeamName}).
 */
public final class Teams {
  /** The SQL state of a UNIQUE constraint violation. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SELECT = "SELECT id, name, created_at, disabled, benchmark FROM teams";
  /** The membership of a team that takes part in every competition (a competition id never has a '*'). */
  public static final String EVERY_COMPETITION = "*";

  private final Database db;
  private final Map<String, Team> byTokenHash = new ConcurrentHashMap<>();
  private final Map<Long, Set<String>> competitionsById = new ConcurrentHashMap<>();

  public Teams(Database db) {
    this.db = db;
    fillNameKeys();
  }

  /**
   * Gives the teams made before names had keys theirs. Two of them that look alike both keep working: the later
   * one's key is made unique by its id, and new names are refused against both.
   */
  private void fillNameKeys() {
    Map<Long, String> unkeyed = db.autoCommit(c -> {
      Map<Long, String> names = new LinkedHashMap<>();
      try (PreparedStatement q = c.prepareStatement("SELECT id, name FROM teams WHERE name_key IS NULL ORDER BY id");
           ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getLong(1), rs.getString(2));
        }
      }
      return names;
    });
    unkeyed.forEach((id, name) -> {
      String key = TeamName.key(name);
      if (!setNameKey(id, key)) {
        setNameKey(id, key + "#" + id);
      }
    });
  }

  /** False when another team has the key already. */
  private boolean setNameKey(long id, String key) {
    try {
      db.autoCommit(c -> {
        try (PreparedStatement s = c.prepareStatement(
            "UPDATE teams SET name_key = ? WHERE id = ? AND name_key IS NULL")) {
          s.setString(1, key);
          s.setLong(2, id);
          return s.executeUpdate();
        }
      });
      return true;
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** Creates a team that takes part in every competition; its token is in the answer and nowhere else. */
  public NewTeam create(String name) {
    return create(name, Tokens.generate());
  }

  /** Creates a team in every competition with a token chosen elsewhere (an import, a test); only its hash is kept. */
  public NewTeam create(String name, String token) {
    return insert(name, token, List.of(EVERY_COMPETITION));
  }

  /** Creates a team that takes part in these competitions only (it registered there, or the host chose them). */
  public NewTeam createIn(String name, List<String> competitions) {
    return insert(name, Tokens.generate(), competitions);
  }

  private NewTeam insert(String rawName, String token, List<String> competitions) {
    String name = TeamName.normalise(rawName);
    String key = TeamName.key(name);
    Instant now = Instant.now();
    return db.transaction(c -> {
      refuseLookAlike(c, name, key);
      long id;
      try (PreparedStatement s = c.prepareStatement("INSERT INTO teams (name, name_key, token_hash, created_at) "
          + "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, name);
        s.setString(2, key);
        s.setString(3, Tokens.hash(token));
        s.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        try {
          s.executeUpdate();
        } catch (SQLException e) {
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) { // another request took the name since the check
            throw Refusal.conflict("a team named \"" + name + "\" (or one that looks the same) already exists");
          }
          throw e;
        }
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      for (String competition : competitions) {
        addTo(c, id, competition);
      }
      return new NewTeam(new Team(id, name, now, false, false), token);
    });
  }

  /** 409 when a team's name looks like {@code name}: the same skeleton, case aside. */
  private static void refuseLookAlike(Connection c, String name, String key) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT name FROM teams WHERE name_key = ? OR name = ?")) {
      q.setString(1, key);
      q.setString(2, name);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          String taken = rs.getString(1);
          throw Refusal.conflict(taken.equals(name) ? "a team named \"" + name + "\" already exists"
              : "the name \"" + name + "\" looks the same as the team \"" + taken + "\" (letters that look alike, "
                  + "case, invisible characters or spaces): choose a name that reads differently");
        }
      }
    }
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

  /** Forgets the teams remembered by token and their competitions (another node changed one). */
  public void forgetRemembered() {
    byTokenHash.clear();
    competitionsById.clear();
  }

  /** Whether the team takes part in the competition: it registered there, or the host added it (or to all). */
  public boolean takesPart(long teamId, String competition) {
    Set<String> competitions = competitionsOf(teamId);
    return competitions.contains(EVERY_COMPETITION) || competitions.contains(competition);
  }

  /** The competitions the team takes part in, sorted; {@code ["*"]} for every one. */
  public Set<String> competitionsOf(long teamId) {
    Set<String> cached = competitionsById.get(teamId);
    if (cached != null) {
      return cached;
    }
    Set<String> found = db.autoCommit(c -> {
      Set<String> competitions = new TreeSet<>();
      try (PreparedStatement q = c.prepareStatement("SELECT competition FROM team_competitions WHERE team_id = ?")) {
        q.setLong(1, teamId);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            competitions.add(rs.getString(1));
          }
        }
      }
      return Collections.unmodifiableSet(competitions);
    });
    competitionsById.put(teamId, found);
    return found;
  }

  /** Lets the team take part in the competition ({@code "*"}: every one); false when it already did. */
  public boolean join(long teamId, String competition) {
    boolean added = db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT COUNT(*) FROM team_competitions WHERE team_id = ? AND competition = ?")) {
        q.setLong(1, teamId);
        q.setString(2, competition);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return false;
          }
        }
      }
      addTo(c, teamId, competition);
      return true;
    });
    competitionsById.remove(teamId);
    return added;
  }

  /** Takes the team out of the competition ({@code "*"}: out of "every one"); false when it was not in. */
  public boolean leave(long teamId, String competition) {
    int removed = db.autoCommit(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM team_competitions WHERE team_id = ? AND competition = ?")) {
        s.setLong(1, teamId);
        s.setString(2, competition);
        return s.executeUpdate();
      }
    });
    competitionsById.remove(teamId);
    return removed > 0;
  }

  private static void addTo(Connection c, long teamId, String competition) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO team_competitions (team_id, competition) VALUES (?, ?)")) {
      s.setLong(1, teamId);
      s.setString(2, competition);
      s.executeUpdate();
    }
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
