package org.cellarena.web.store;

import static org.cellarena.web.store.Sql.count;
import static org.cellarena.web.store.Sql.utc;

import java.time.Instant;

/** What counts against a team's daily limits: its submissions, and its uploads refused while being read. */
public final class Quotas {
  private final Database db;

  public Quotas(Database db) {
    this.db = db;
  }

  /**
   * How many of a team's submissions made since {@code since} count against its daily limit: the scored ones
   * and those still waiting (which will count unless they fail).
   */
  public int countTowardsLimit(String competition, long teamId, Instant since) {
    return count(db, "SELECT COUNT(*) FROM submissions WHERE competition = ? AND team_id = ? AND created_at >= ? "
        + "AND status <> 'failed'", competition, teamId, utc(since));
  }

  /**
   * How many submissions a team made since {@code since}, failed ones included, and how many of its uploads
   * were refused while being read (a gzip bomb, a corrupt file: the audit log's {@link Submissions#REFUSED_UPLOAD}
   * entries, actor {@code team <id>}).
   */
  public int countAttempts(String competition, long teamId, Instant since) {
    return count(db, "SELECT (SELECT COUNT(*) FROM submissions WHERE competition = ? AND team_id = ? "
        + "AND created_at >= ?) + (SELECT COUNT(*) FROM audit_log WHERE action = '" + Submissions.REFUSED_UPLOAD
        + "' AND target = ? AND actor = ? AND at >= ?)", competition, teamId, utc(since), competition,
        Submissions.teamActor(teamId), utc(since));
  }
}
