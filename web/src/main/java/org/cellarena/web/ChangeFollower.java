package org.cellarena.web;

import io.vertx.core.Vertx;
import org.cellarena.web.api.StatusStream;
import org.cellarena.web.board.Leaderboards;
import org.cellarena.web.store.ChangeFeed;
import org.cellarena.web.store.Teams;

/**
 * What a node does when it hears of a change, its own or another node's or worker's ({@link ChangeFeed}): forgets
 * what it remembered of it, serves edited settings, and tells the status streams.
 */
final class ChangeFollower implements ChangeFeed.Listener {
  private final Vertx vertx;
  private final EditedSettings settings;
  private final Teams teams;
  private final Leaderboards leaderboards;

  ChangeFollower(Vertx vertx, EditedSettings settings, Teams teams, Leaderboards leaderboards) {
    this.vertx = vertx;
    this.settings = settings;
    this.teams = teams;
    this.leaderboards = leaderboards;
  }

  @Override
  public void changed(long id, String competition) {
    leaderboards.invalidateHere(competition);
    if (id > 0) {
      vertx.eventBus().publish(StatusStream.address(id), competition);
    }
  }

  @Override
  public void teamChanged() {
    teams.forgetRemembered();
    leaderboards.invalidateAllHere();
  }

  @Override
  public void settingsChanged(String competition) {
    settings.apply(competition);
    leaderboards.invalidateHere(competition);
  }

  @Override
  public void missedSome() {
    teams.forgetRemembered();
    settings.applyAll();
    leaderboards.invalidateAllHere();
  }
}
