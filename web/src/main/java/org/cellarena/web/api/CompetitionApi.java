package org.cellarena.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.cellarena.web.Refusal;
import org.cellarena.web.Services;
import org.cellarena.web.board.Leaderboards;
import org.cellarena.web.board.Leaderboards.Board;
import org.cellarena.web.board.Leaderboards.Rendered;
import org.cellarena.web.competition.Competition;

/** The public side of competitions: the list, one competition, its leaderboards. */
final class CompetitionApi {
  private final Services services;

  CompetitionApi(Services services) {
    this.services = services;
  }

  /** GET /api/competitions */
  void list(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    services.competitions().all().forEach(c -> list.add(describe(c)));
    Replies.json(ctx, 200, new JsonObject().put("competitions", list));
  }

  /** GET /api/competitions/:cid */
  void get(RoutingContext ctx) {
    Replies.json(ctx, 200, describe(SubmissionView.competition(services, ctx.pathParam("cid"))));
  }

  /** GET /api/competitions/:cid/leaderboard[?format=csv] */
  void publicLeaderboard(RoutingContext ctx) {
    board(ctx, SubmissionView.competition(services, ctx.pathParam("cid")), Board.PUBLIC);
  }

  /** GET /api/competitions/:cid/leaderboard/private[?format=csv]: after the reveal, or for the admin. */
  void privateLeaderboard(RoutingContext ctx) {
    Competition competition = SubmissionView.competition(services, ctx.pathParam("cid"));
    if (!services.reveals().isRevealed(competition.id()) && !isAdmin(ctx)) {
      throw new Refusal(403, "the private leaderboard of \"" + competition.id() + "\" is hidden until the reveal");
    }
    board(ctx, competition, Board.PRIVATE);
  }

  private void board(RoutingContext ctx, Competition competition, Board board) {
    boolean csv = "csv".equalsIgnoreCase(ctx.request().getParam("format"));
    services.leaderboards().get(ctx.vertx(), competition, board)
        .onSuccess(rendered -> send(ctx, rendered, csv))
        .onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, Rendered board, boolean csv) {
    if (csv) {
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").end(Leaderboards.toCsv(board.board()));
    } else {
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(board.json());
    }
  }

  /**
   * Whether the request carries the admin token. Any other token takes from the client address's allowance, as
   * an invalid token does on the other endpoints, so that this public endpoint is no faster way to guess the
   * admin token (429 once the allowance is spent).
   */
  private boolean isAdmin(RoutingContext ctx) {
    String token = Access.bearer(ctx);
    if (token == null) {
      return false;
    }
    if (services.adminToken().matches(token)) {
      return true;
    }
    Refusal refusal = Access.takeFromAllowance(services, "address " + ctx.request().remoteAddress().hostAddress());
    if (refusal != null) {
      throw refusal;
    }
    return false;
  }

  private JsonObject describe(Competition c) {
    boolean revealed = services.reveals().isRevealed(c.id());
    return c.toJson()
        .put("revealed", revealed)
        .put("revealed_at", services.reveals().revealedAt(c.id()).map(Object::toString).orElse(null))
        .put("leaderboard_url", "/api/competitions/" + c.id() + "/leaderboard");
  }
}
