package org.cellarena.web.store;

import static org.cellarena.web.store.Sql.count;
import static org.cellarena.web.store.Sql.prepare;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The submissions each team picked for the private leaderboard. */
public final class FinalPicks {
  private final Database db;

  public FinalPicks(Database db) {
    this.db = db;
  }

  /** How many submissions the team has picked. */
  public int finalPickCount(String competition, long teamId) {
    return count(db, "SELECT COUNT(*) FROM submissions WHERE competition = ? AND team_id = ? AND final_pick",
        competition, teamId);
  }

  /**
   * Picks or unpicks a submission of team {@code teamId}; a pick beyond {@code limit} is refused (false). The
   * count is taken under the team's row lock, so that two nodes cannot both give away the last pick.
   */
  public boolean setFinalPick(long id, long teamId, String competition, boolean pick, int limit) {
    return db.transaction(c -> {
      Sql.lockTeam(c, teamId);
      if (pick) {
        try (PreparedStatement q = prepare(c, "SELECT COUNT(*) FROM submissions WHERE competition = ? "
            + "AND team_id = ? AND final_pick AND id <> ?", competition, teamId, id);
             ResultSet rs = q.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= limit) {
            return false;
          }
        }
      }
      try (PreparedStatement s = prepare(c, "UPDATE submissions SET final_pick = ? WHERE id = ?", pick, id)) {
        s.executeUpdate();
      }
      return true;
    });
  }
}
