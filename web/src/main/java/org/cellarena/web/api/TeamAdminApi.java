package org.cellarena.web.api;

import org.cellarena.web.http.Replies;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.ChangeFeed;
import org.cellarena.web.store.AuditLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.cellarena.web.store.NewTeam;
import org.cellarena.web.store.Team;
import org.cellarena.web.store.Teams;

/**
 * The admin's side of teams: create, list, disable and enable, mark as a benchmark, replace a token, add to and
 * remove from a competition. Every change is written to the audit log; a change that alters the boards (disabled,
 * benchmark) recomputes them.
 */
public final class TeamAdminApi {
  private final Lookup lookup;
  private final Competitions competitions;
  private final Teams teams;
  private final ChangeFeed changes;
  private final AuditLog audit;

  public TeamAdminApi(Lookup lookup, Competitions competitions, Teams teams, ChangeFeed changes, AuditLog audit) {
    this.lookup = lookup;
    this.competitions = competitions;
    this.teams = teams;
    this.changes = changes;
    this.audit = audit;
  }

  /**
   * POST /api/admin/teams {"name", "benchmark"?, "competitions"?}: 201 with the team's token, shown this once. The
   * team takes part in the competitions listed, or in every one without a list.
   */
  void create(RoutingContext ctx) {
    JsonObject body = Replies.jsonBody(ctx);
    if (!(body.getValue("name") instanceof String name)) {
      throw Refusal.badRequest("send {\"name\": \"<team name>\"}");
    }
    boolean benchmark = Boolean.TRUE.equals(body.getValue("benchmark"));
    List<String> competitions = competitions(body.getValue("competitions"));
    Replies.json(ctx, 201, () -> {
      NewTeam created = competitions == null ? teams.create(name)
          : teams.createIn(name, competitions);
      long id = created.team().id();
      Team team = benchmark ? teams.setBenchmark(id, true).orElseThrow() : created.team();
      audit.record(AdminApi.ACTOR, "team.create", "team " + id, new JsonObject().put("name", team.name())
          .put("benchmark", benchmark).put("competitions", competitions == null ? null : new JsonArray(competitions)));
      return json(team).put("token", created.token());
    });
  }

  /** The competitions a new team is to take part in: null for every one; 400 for an unknown one or an empty list. */
  private List<String> competitions(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray list) || list.isEmpty()
        || !list.stream().allMatch(id -> id instanceof String s && competitions.find(s).isPresent())) {
      throw Refusal.badRequest("\"competitions\" is a non-empty list of competition ids (GET /api/competitions); "
          + "leave it out for a team that takes part in every competition");
    }
    return list.stream().map(String.class::cast).distinct().toList();
  }

  /** GET /api/admin/teams */
  void list(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> {
      JsonArray teams = new JsonArray();
      this.teams.all().forEach(t -> teams.add(json(t)));
      return new JsonObject().put("teams", teams);
    });
  }

  /** POST /api/admin/teams/:tid/disable: its uploads are refused (403) and its rows leave the boards. */
  void disable(RoutingContext ctx) {
    change(ctx, "team.disable", id -> teams.setDisabled(id, true));
  }

  /** POST /api/admin/teams/:tid/enable */
  void enable(RoutingContext ctx) {
    change(ctx, "team.enable", id -> teams.setDisabled(id, false));
  }

  /** PUT /api/admin/teams/:tid/benchmark: its rows are shown as a reference (a baseline). */
  void markBenchmark(RoutingContext ctx) {
    change(ctx, "team.benchmark", id -> teams.setBenchmark(id, true));
  }

  /** DELETE /api/admin/teams/:tid/benchmark */
  void unmarkBenchmark(RoutingContext ctx) {
    change(ctx, "team.unbenchmark", id -> teams.setBenchmark(id, false));
  }

  /** POST /api/admin/teams/:tid/token: a new token, shown this once; the old one stops working at once. */
  void newToken(RoutingContext ctx) {
    long id = teamId(ctx);
    Replies.json(ctx, 200, () -> {
      NewTeam renewed = teams.newToken(id).orElseThrow(() -> noSuchTeam(id));
      changes.teamChanged(); // the old token stops working on every node
      audit.record(AdminApi.ACTOR, "team.token", "team " + id, null);
      return json(renewed.team()).put("token", renewed.token());
    });
  }

  /** PUT /api/admin/competitions/:cid/teams/:tid: the team takes part in the competition from now on. */
  void addToCompetition(RoutingContext ctx) {
    changeMembership(ctx, "team.join", true);
  }

  /** DELETE /api/admin/competitions/:cid/teams/:tid: the team no longer touches the competition (403). */
  void removeFromCompetition(RoutingContext ctx) {
    changeMembership(ctx, "team.leave", false);
  }

  private void changeMembership(RoutingContext ctx, String action, boolean join) {
    String competition = lookup.competition(ctx.pathParam("cid")).id();
    long id = teamId(ctx);
    Replies.json(ctx, 200, () -> {
      Team team = teams.find(id).orElseThrow(() -> noSuchTeam(id));
      if (!join && teams.competitionsOf(id).contains(Teams.EVERY_COMPETITION)) {
        throw Refusal.conflict("the team " + team.name() + " takes part in every competition (the host created it "
            + "so); disable it instead, or create teams for chosen competitions with \"competitions\"");
      }
      boolean changed = join ? teams.join(id, competition) : teams.leave(id, competition);
      if (changed) {
        changes.teamChanged(); // every node forgets the team's competitions as it knew them
        audit.record(AdminApi.ACTOR, action, "team " + id, new JsonObject().put("competition",
            competition));
      }
      return json(team);
    });
  }

  private void change(RoutingContext ctx, String action, LongFunction<Optional<Team>> update) {
    long id = teamId(ctx);
    Replies.json(ctx, 200, () -> {
      Team team = update.apply(id).orElseThrow(() -> noSuchTeam(id));
      changes.teamChanged(); // every node forgets the team as it knew it, and its boards
      audit.record(AdminApi.ACTOR, action, "team " + id, null);
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

  /** A team as the admin sees it; {@code competitions} is {@code ["*"]} for a team in every competition. */
  JsonObject json(Team t) {
    return new JsonObject().put("id", t.id()).put("name", t.name()).put("created_at", t.createdAt().toString())
        .put("disabled", t.disabled()).put("benchmark", t.benchmark())
        .put("competitions", new JsonArray(List.copyOf(teams.competitionsOf(t.id()))));
  }
}
