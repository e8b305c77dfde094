package org.cellarena.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.LongFunction;
import org.cellarena.web.Refusal;
import org.cellarena.web.Services;
import org.cellarena.web.store.NewTeam;
import org.cellarena.web.store.Team;

/**
 * The admin's side of teams: create, list, disable and enable, mark as a benchmark, replace a token. Every change
 * is written to the audit log; a change that alters the boards (disabled, benchmark) recomputes them.
 */
final class TeamAdminApi {
  private final Services services;

  TeamAdminApi(Services services) {
    this.services = services;
  }

  /** POST /api/admin/teams {"name", "benchmark"?}: 201 with the team's token, shown this once. */
  void create(RoutingContext ctx) {
    JsonObject body = Replies.jsonBody(ctx);
    if (!(body.getValue("name") instanceof String name)) {
      throw Refusal.badRequest("send {\"name\": \"<team name>\"}");
    }
    boolean benchmark = Boolean.TRUE.equals(body.getValue("benchmark"));
    Replies.json(ctx, 201, () -> {
      NewTeam created = services.teams().create(name);
      Team team = benchmark ? services.teams().setBenchmark(created.team().id(), true).orElseThrow()
          : created.team();
      services.audit().record(AdminApi.ACTOR, "team.create", "team " + team.id(),
          new JsonObject().put("name", team.name()).put("benchmark", benchmark));
      return json(team).put("token", created.token());
    });
  }

  /** GET /api/admin/teams */
  void list(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> {
      JsonArray teams = new JsonArray();
      services.teams().all().forEach(t -> teams.add(json(t)));
      return new JsonObject().put("teams", teams);
    });
  }

  /** POST /api/admin/teams/:tid/disable: its uploads are refused (403) and its rows leave the boards. */
  void disable(RoutingContext ctx) {
    change(ctx, "team.disable", id -> services.teams().setDisabled(id, true));
  }

  /** POST /api/admin/teams/:tid/enable */
  void enable(RoutingContext ctx) {
    change(ctx, "team.enable", id -> services.teams().setDisabled(id, false));
  }

  /** PUT /api/admin/teams/:tid/benchmark: its rows are shown as a reference (a baseline). */
  void markBenchmark(RoutingContext ctx) {
    change(ctx, "team.benchmark", id -> services.teams().setBenchmark(id, true));
  }

  /** DELETE /api/admin/teams/:tid/benchmark */
  void unmarkBenchmark(RoutingContext ctx) {
    change(ctx, "team.unbenchmark", id -> services.teams().setBenchmark(id, false));
  }

  /** POST /api/admin/teams/:tid/token: a new token, shown this once; the old one stops working at once. */
  void newToken(RoutingContext ctx) {
    long id = teamId(ctx);
    Replies.json(ctx, 200, () -> {
      NewTeam renewed = services.teams().newToken(id).orElseThrow(() -> noSuchTeam(id));
      services.changes().teamChanged(); // the old token stops working on every node
      services.audit().record(AdminApi.ACTOR, "team.token", "team " + id, null);
      return json(renewed.team()).put("token", renewed.token());
    });
  }

  private void change(RoutingContext ctx, String action, LongFunction<Optional<Team>> update) {
    long id = teamId(ctx);
    Replies.json(ctx, 200, () -> {
      Team team = update.apply(id).orElseThrow(() -> noSuchTeam(id));
      services.changes().teamChanged(); // every node forgets the team as it knew it, and its boards
      services.audit().record(AdminApi.ACTOR, action, "team " + id, null);
      return json(team);
    });
  }

  private static long teamId(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("tid"));
    } catch (NumberFormatException e) {
      throw noSuchTeam(ctx.pathParam("tid"));
    }
  }

  private static Refusal noSuchTeam(Object id) {
    return Refusal.notFound("no team " + org.cellarena.scoring.io.Problem.cut(String.valueOf(id), 100));
  }

  static JsonObject json(Team t) {
    return new JsonObject().put("id", t.id()).put("name", t.name()).put("created_at", t.createdAt().toString())
        .put("disabled", t.disabled()).put("benchmark", t.benchmark());
  }
}
