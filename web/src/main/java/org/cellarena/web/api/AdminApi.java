package org.cellarena.web.api;

import org.cellarena.web.http.Replies;
import org.cellarena.web.http.Caller;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.board.Leaderboards;
import org.cellarena.web.store.CompetitionEdits;
import org.cellarena.web.store.ChangeFeed;
import org.cellarena.web.store.AuditLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cellarena.scoring.io.Problem;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.CompetitionException;
import org.cellarena.web.competition.CompetitionLoader;
import org.cellarena.web.competition.CompetitionSettings;
import org.cellarena.web.scoring.ProbeFlags;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Leases;
import org.cellarena.web.store.Results;
import org.cellarena.web.store.Results.ScoreRowOf;

/**
 * The admin's side of competitions: settings, submissions, the queue, reveal, rescore, export, the audit log
 * ({@link TeamAdminApi} has the teams). Every change is written to the audit log.
 */
public final class AdminApi {
  static final String ACTOR = "admin";

  private final Lookup lookup;
  private final Competitions competitions;
  private final Submissions submissions;
  private final Leases leases;
  private final Results results;
  private final ScoringQueue queue;
  private final Reveals reveals;
  private final Leaderboards leaderboards;
  private final CompetitionEdits edits;
  private final ChangeFeed changes;
  private final AuditLog audit;
  private final int scoringWorkers;

  public AdminApi(Lookup lookup, Competitions competitions, Submissions submissions, Leases leases,
      Results results, ScoringQueue queue, Reveals reveals, Leaderboards leaderboards, CompetitionEdits edits,
      ChangeFeed changes, AuditLog audit, int scoringWorkers) {
    this.lookup = lookup;
    this.competitions = competitions;
    this.submissions = submissions;
    this.leases = leases;
    this.results = results;
    this.queue = queue;
    this.reveals = reveals;
    this.leaderboards = leaderboards;
    this.edits = edits;
    this.changes = changes;
    this.audit = audit;
    this.scoringWorkers = scoringWorkers;
  }

  /** GET /api/admin/competitions/:cid: the competition with the settings the host may edit, the code included. */
  void competition(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Replies.json(ctx, 200, () -> describe(competition));
  }

  /**
   * PATCH /api/admin/competitions/:cid {"title", "description", "deadline", "daily_limit", "final_picks",
   * "feedback", "registration_code"} (any of them): effective at once, kept across restarts, audit-logged.
   */
  void editCompetition(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    JsonObject changes = Replies.jsonBody(ctx);
    if (changes.getValue("registration_code") instanceof String code && !code.isBlank()
        && code.strip().length() < RegistrationApi.MIN_CODE_LENGTH) {
      throw Refusal.badRequest("\"registration_code\" must be at least " + RegistrationApi.MIN_CODE_LENGTH
          + " characters, so that it cannot be guessed (or null to close registration)");
    }
    for (String key : changes.fieldNames()) {
      if (!CompetitionSettings.KEYS.contains(key)) {
        throw Refusal.badRequest("unknown setting \"" + Problem.cut(key, Problem.MAX_ECHOED_ID) + "\"; the settings "
            + "are " + String.join(", ", CompetitionSettings.KEYS));
      }
    }
    Replies.json(ctx, 200, () -> {
      synchronized (this) {
        Competition current = lookup.competition(competition.id());
        CompetitionSettings changed;
        try {
          changed = CompetitionLoader.settings(changes, current.settings(), "the change");
        } catch (CompetitionException e) {
          throw Refusal.badRequest(e.getMessage());
        }
        JsonObject stored = changed.toJson();
        JsonObject edits = new JsonObject();
        changes.fieldNames().forEach(k -> edits.put(k, stored.getValue(k)));
        this.edits.put(competition.id(), edits);
        this.changes.settingsChanged(competition.id()); // every node serves the new settings
        if (edits.containsKey("registration_code")) { // the code itself stays out of the log
          edits.put("registration_code", changed.registrationCode() == null ? "closed" : "set");
        }
        audit.record(ACTOR, "competition.edit", competition.id(), edits);
        return describe(competitions.find(competition.id()).orElseThrow());
      }
    });
  }

  private JsonObject describe(Competition c) {
    return c.toJson().put("registration_code", c.settings().registrationCode())
        .put("revealed", reveals.isRevealed(c.id()));
  }

  /**
   * GET /api/admin/competitions/:cid/submissions[?status=&team=]: every submission, newest first, with its
   * team, file name, status, times, scores and failure reason, and its probing {@code flags} (see
   * {@link ProbeFlags}); {@code team} is a team's name or id.
   */
  void submissions(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    String status = ctx.request().getParam("status");
    String team = ctx.request().getParam("team");
    if (status != null && !status.isBlank()
        && java.util.Arrays.stream(Status.values()).noneMatch(x -> x.label().equals(status))) {
      throw Refusal.badRequest("status must be queued, scoring, scored or failed");
    }
    Replies.json(ctx, 200, () -> {
      JsonArray list = new JsonArray();
      List<SubmissionRow> rows = submissions.forCompetition(competition.id());
      for (int i = rows.size() - 1; i >= 0; i--) {
        SubmissionRow s = rows.get(i);
        boolean statusMatches = status == null || status.isBlank() || s.status().label().equals(status);
        boolean teamMatches = team == null || team.isBlank() || s.teamName().equals(team)
            || String.valueOf(s.teamId()).equals(team);
        if (statusMatches && teamMatches) {
          list.add(SubmissionView.status(s, SubmissionView.queuePosition(queue, s), true).put("team_id", s.teamId())
              .put("stored_bytes", s.storedBytes())
              .put("flags", new JsonArray(ProbeFlags.of(s.score() == null ? null : s.score().masks(),
                  competition.solution().images().size()))));
        }
      }
      return new JsonObject().put("competition", competition.id()).put("submissions", list);
    });
  }

  /** GET /api/admin/queue: what waits and what is being scored, in every competition, with ages and workers. */
  void queue(RoutingContext ctx) {
    Replies.json(ctx, 200, () -> {
      Instant now = Instant.now();
      JsonArray waiting = new JsonArray();
      JsonArray scoring = new JsonArray();
      for (SubmissionRow s : submissions.active()) {
        JsonObject item = new JsonObject().put("id", s.id()).put("competition", s.competition())
            .put("team", s.teamName()).put("file_name", s.fileName()).put("created_at", s.createdAt().toString());
        if (s.status() == Status.QUEUED) {
          waiting.add(item.put("position", Math.max(1, queue.position(s.id())))
              .put("waiting_seconds", Duration.between(s.createdAt(), now).toSeconds()));
        } else {
          scoring.add(item.put("worker", queue.workerOf(s.id()))
              .put("scoring_seconds", s.startedAt() == null ? 0 : Duration.between(s.startedAt(), now).toSeconds()));
        }
      }
      return new JsonObject().put("workers", scoringWorkers).put("waiting", waiting)
          .put("scoring", scoring).put("inference", inferenceQueue());
    });
  }

  /** The model submissions waiting for inference or inferring, with their worker and progress (blocking). */
  private JsonArray inferenceQueue() {
    JsonArray list = new JsonArray();
    for (SubmissionRow s : submissions.inInference()) {
      list.add(new JsonObject().put("id", s.id()).put("competition", s.competition()).put("team", s.teamName())
          .put("status", s.status().label()).put("created_at", s.createdAt().toString())
          .put("worker", s.model().worker()).put("progress", s.model().progress())
          .put("weights_sha256", s.model().weightsSha256()));
    }
    return list;
  }

  /** POST /api/admin/competitions/:cid/reveal: shows the private leaderboard and private rows, for good. */
  void reveal(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Replies.json(ctx, 200, () -> {
      boolean now = reveals.reveal(competition.id());
      if (now) {
        audit.record(ACTOR, "reveal", competition.id(), null);
        leaderboards.invalidate(competition.id());
      }
      return new JsonObject().put("competition", competition.id()).put("revealed", true)
          .put("already", !now)
          .put("revealed_at", reveals.revealedAt(competition.id()).orElseThrow().toString());
    });
  }

  /** POST /api/admin/submissions/:sid/rescore: queues it again; the old result stays until the new one lands. */
  void rescoreSubmission(RoutingContext ctx) {
    String sid = ctx.pathParam("sid");
    Replies.json(ctx, 202, () -> {
      SubmissionRow s = lookup.submission(sid, Caller.theAdmin());
      if (s.storedFile().isEmpty()) {
        throw Refusal.conflict("submission " + s.id() + " has no CSV to score: its model produced none (it is "
            + s.status().label() + "); the team may upload the model again");
      }
      if (!leases.requeue(s.id())) {
        throw Refusal.conflict("submission " + s.id() + " is " + s.status().label() + " already");
      }
      queue.enqueue(s.id(), s.teamId());
      audit.record(ACTOR, "rescore", "submission " + s.id(), null);
      return new JsonObject().put("id", s.id()).put("status", Status.QUEUED.label());
    });
  }

  /** POST /api/admin/competitions/:cid/rescore: queues every scored or failed submission again. */
  void rescoreCompetition(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Replies.json(ctx, 202, () -> {
      int queued = 0;
      for (SubmissionRow s : submissions.forCompetition(competition.id())) {
        if (leases.requeue(s.id())) {
          queue.enqueue(s.id(), s.teamId());
          queued++;
        }
      }
      audit.record(ACTOR, "rescore", competition.id(), new JsonObject().put("queued", queued));
      return new JsonObject().put("competition", competition.id()).put("queued", queued);
    });
  }

  /**
   * GET /api/admin/competitions/:cid/export[?format=json]: every submission with every result it ever had (a
   * CSV row per result, or per submission without one).
   */
  void export(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    boolean json = "json".equalsIgnoreCase(ctx.request().getParam("format"));
    ctx.vertx().executeBlocking(() -> {
      List<SubmissionRow> rows = submissions.forCompetition(competition.id());
      Map<Long, List<ScoreRowOf>> results = this.results.allResults(competition.id()).stream()
          .collect(Collectors.groupingBy(ScoreRowOf::submissionId));
      audit.record(ACTOR, "export", competition.id(), new JsonObject().put("submissions", rows.size()));
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
    Replies.json(ctx, 200, () -> new JsonObject().put("entries", audit.entries()));
  }

}
