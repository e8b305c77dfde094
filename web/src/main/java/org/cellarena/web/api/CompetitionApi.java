package org.cellarena.web.api;

import org.cellarena.web.http.Replies;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.http.Access;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.auth.AdminToken;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.cellarena.scoring.io.Problem;
import org.cellarena.web.board.Leaderboards;
import org.cellarena.web.board.Leaderboards.Board;
import org.cellarena.web.board.Leaderboards.Rendered;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.CompetitionTexts;
import org.cellarena.web.competition.ParticipantFiles;

/**
 * The public side of competitions: the list, one competition, its texts and files, its leaderboards
 * ({@link RegistrationApi} registers teams).
 */
public final class CompetitionApi {
  private final Lookup lookup;
  private final Access access;
  private final Competitions competitions;
  private final Reveals reveals;
  private final Leaderboards leaderboards;
  private final ParticipantFiles participantFiles;
  private final AdminToken adminToken;

  public CompetitionApi(Lookup lookup, Access access, Competitions competitions, Reveals reveals,
      Leaderboards leaderboards, ParticipantFiles participantFiles, AdminToken adminToken) {
    this.lookup = lookup;
    this.access = access;
    this.competitions = competitions;
    this.reveals = reveals;
    this.leaderboards = leaderboards;
    this.participantFiles = participantFiles;
    this.adminToken = adminToken;
  }

  /** GET /api/competitions */
  void list(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    competitions.all().forEach(c -> list.add(describe(c)));
    Replies.json(ctx, 200, new JsonObject().put("competitions", list));
  }

  /** GET /api/competitions/:cid */
  void get(RoutingContext ctx) {
    Replies.json(ctx, 200, describe(lookup.competition(ctx.pathParam("cid"))));
  }

  /** GET /api/competitions/:cid/texts: the page's overview, data, evaluation and rules, as markdown and HTML. */
  void texts(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Replies.json(ctx, 200, () -> CompetitionTexts.render(competition).put("competition", competition.id()));
  }

  /** GET /api/competitions/:cid/files: what participants may download. */
  void files(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Replies.json(ctx, 200, () -> {
      JsonArray files = new JsonArray();
      for (ParticipantFiles.File f : participantFiles.list(competition)) {
        files.add(new JsonObject().put("name", f.name()).put("bytes", f.bytes())
            .put("url", "/api/competitions/" + competition.id() + "/files/" + f.name()));
      }
      return new JsonObject().put("competition", competition.id()).put("files", files);
    });
  }

  /** GET /api/competitions/:cid/files/:name: one of the listed files, as a download. */
  void file(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    String name = ctx.pathParam("name");
    ctx.vertx().executeBlocking(() -> participantFiles.find(competition, name)
        .orElseThrow(() -> Refusal.notFound("the competition " + competition.id() + " offers no file named "
            + Problem.cut(name, Problem.MAX_ECHOED_ID) + "; GET /api/competitions/" + competition.id()
            + "/files lists them")), false)
        .onSuccess(f -> ctx.response()
            .putHeader("Content-Type", f.name().endsWith(".csv") ? "text/csv; charset=utf-8"
                : f.name().endsWith(".zip") ? "application/zip" : "application/octet-stream")
            .putHeader("Content-Disposition", "attachment; filename=\"" + f.name() + "\"")
            .putHeader("X-Content-Type-Options", "nosniff")
            .sendFile(f.path().toString()))
        .onFailure(ctx::fail);
  }

  /** GET /api/competitions/:cid/leaderboard/history: the best public score over time of the top teams. */
  void history(RoutingContext ctx) {
    board(ctx, lookup.competition(ctx.pathParam("cid")), Board.HISTORY);
  }

  /** GET /api/competitions/:cid/leaderboard[?format=csv] */
  void publicLeaderboard(RoutingContext ctx) {
    board(ctx, lookup.competition(ctx.pathParam("cid")), Board.PUBLIC);
  }

  /** GET /api/competitions/:cid/leaderboard/private[?format=csv]: after the reveal, or for the admin. */
  void privateLeaderboard(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    if (!reveals.isRevealed(competition.id()) && !isAdmin(ctx)) {
      throw Refusal.forbidden("the private leaderboard of \"" + competition.id() + "\" is hidden until the reveal");
    }
    board(ctx, competition, Board.PRIVATE);
  }

  private void board(RoutingContext ctx, Competition competition, Board board) {
    boolean csv = board != Board.HISTORY && "csv".equalsIgnoreCase(ctx.request().getParam("format"));
    leaderboards.get(ctx.vertx(), competition, board)
        .onSuccess(rendered -> send(ctx, rendered, csv))
        .onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, Rendered board, boolean csv) {
    if (csv) {
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"" + board.board().getString("competition") + "-"
              + board.board().getString("board") + "-leaderboard.csv\"")
          .end(Leaderboards.toCsv(board.board()));
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
    if (adminToken.matches(token)) {
      return true;
    }
    Refusal refusal = access.takeFromAllowance("address " + ctx.request().remoteAddress().hostAddress());
    if (refusal != null) {
      throw refusal;
    }
    return false;
  }

  private JsonObject describe(Competition c) {
    boolean revealed = reveals.isRevealed(c.id());
    return c.toJson()
        .put("revealed", revealed)
        .put("revealed_at", reveals.revealedAt(c.id()).map(Object::toString).orElse(null))
        .put("leaderboard_url", "/api/competitions/" + c.id() + "/leaderboard");
  }
}
