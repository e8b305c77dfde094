package org.cellarena.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cellarena.web.Refusal;
import org.cellarena.web.Services;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.store.NewTeam;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Submissions.ScoreRowOf;

/** The admin's side: teams, reveal, rescore, export, the audit log. Every change is written to the audit log. */
final class AdminApi {
  private static final String ACTOR = "admin";

  private final Services services;

  AdminApi(Services services) {
    this.services = services;
  }

  /** POST /api/admin/teams {"name"}: 201 with the team's token, shown this once. */
  void createTeam(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    Object name = body.getValue("name");
    if (!(name instanceof String)) {
      throw Refusal.badRequest("send {\"name\": \"<team name>\"}");
    }
    Replies.json(ctx, 201, () -> {
      NewTeam created = services.teams().create((String) name);
      services.audit().record(ACTOR, "team.create", "team " + created.team().id(),
          new JsonObject().put("name", created.team().name()));
      return new JsonObject().put("id", created.team().id()).put("name", created.team().name())
          .put("token", created.token()).put("created_at", created.team().createdAt().toString());
    });
  }

  /** GET /api/admin/teams */
  void listTeams(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> {
      JsonArray teams = new JsonArray();
      services.teams().all().forEach(t -> teams.add(new JsonObject().put("id", t.id()).put("name", t.name())
          .put("created_at", t.createdAt().toString())));
      return new JsonObject().put("teams", teams);
    });
  }

  /** POST /api/admin/competitions/:cid/reveal: shows the private leaderboard and private rows, for good. */
  void reveal(RoutingContext ctx) {
    Competition competition = SubmissionView.competition(services, ctx.pathParam("cid"));
    Replies.json(ctx, 200, () -> {
      boolean now = services.reveals().reveal(competition.id());
      if (now) {
        services.audit().record(ACTOR, "reveal", competition.id(), null);
        services.leaderboards().invalidate(competition.id());
      }
      return new JsonObject().put("competition", competition.id()).put("revealed", true)
          .put("already", !now)
          .put("revealed_at", services.reveals().revealedAt(competition.id()).orElseThrow().toString());
    });
  }

  /** POST /api/admin/submissions/:sid/rescore: queues it again; the old result stays until the new one lands. */
  void rescoreSubmission(RoutingContext ctx) {
    String sid = ctx.pathParam("sid");
    Replies.json(ctx, 202, () -> {
      SubmissionRow s = SubmissionView.find(services, sid, Caller.theAdmin());
      if (!services.submissions().requeue(s.id())) {
        throw Refusal.conflict("submission " + s.id() + " is " + s.status().label() + " already");
      }
      services.queue().enqueue(s.id(), s.teamId());
      services.audit().record(ACTOR, "rescore", "submission " + s.id(), null);
      return new JsonObject().put("id", s.id()).put("status", Status.QUEUED.label());
    });
  }

  /** POST /api/admin/competitions/:cid/rescore: queues every scored or failed submission again. */
  void rescoreCompetition(RoutingContext ctx) {
    Competition competition = SubmissionView.competition(services, ctx.pathParam("cid"));
    Replies.json(ctx, 202, () -> {
      int queued = 0;
      for (SubmissionRow s : services.submissions().forCompetition(competition.id())) {
        if (services.submissions().requeue(s.id())) {
          services.queue().enqueue(s.id(), s.teamId());
          queued++;
        }
      }
      services.audit().record(ACTOR, "rescore", competition.id(), new JsonObject().put("queued", queued));
      return new JsonObject().put("competition", competition.id()).put("queued", queued);
    });
  }

  /**
   * GET /api/admin/competitions/:cid/export[?format=json]: every submission with every result it ever had (a
   * CSV row per result, or per submission without one).
   */
  void export(RoutingContext ctx) {
    Competition competition = SubmissionView.competition(services, ctx.pathParam("cid"));
    boolean json = "json".equalsIgnoreCase(ctx.request().getParam("format"));
    ctx.vertx().executeBlocking(() -> {
      List<SubmissionRow> rows = services.submissions().forCompetition(competition.id());
      Map<Long, List<ScoreRowOf>> results = services.submissions().allResults(competition.id()).stream()
          .collect(Collectors.groupingBy(ScoreRowOf::submissionId));
      services.audit().record(ACTOR, "export", competition.id(), new JsonObject().put("submissions", rows.size()));
      return json ? ExportFormat.json(competition, rows, results).encode()
          : ExportFormat.csv(rows, results);
    }, false).onSuccess(body -> ctx.response()
        .putHeader("Content-Type", json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + competition.id() + "-export."
            + (json ? "json" : "csv") + "\"")
        .end(body)).onFailure(ctx::fail);
  }

  /** GET /api/admin/audit */
  void audit(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> new JsonObject().put("entries", services.audit().entries()));
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw Refusal.badRequest("send a JSON object");
      }
      return body;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw Refusal.badRequest("the body is not a JSON object");
    }
  }
}
