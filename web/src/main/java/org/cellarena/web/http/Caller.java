package org.cellarena.web.http;

import org.cellarena.web.store.Team;

/** Who made a request: a team (with its token) or the admin ({@code team} null). */
public record Caller(Team team, boolean admin) {
  static final String KEY = "cellarena.caller";

  public static Caller theAdmin() {
    return new Caller(null, true);
  }

  public static Caller of(Team team) {
    return new Caller(team, false);
  }

  /** Whether the caller may see this team's things. */
  public boolean owns(long teamId) {
    return admin || team.id() == teamId;
  }
}
