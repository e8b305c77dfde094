package org.cellarena.web.api;

import org.cellarena.web.http.Replies;
import org.cellarena.web.http.Caller;
import org.cellarena.web.http.Access;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Teams;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.board.Leaderboards;
import org.cellarena.web.board.DailyQuota;
import org.cellarena.web.intake.SubmissionIntake;
import org.cellarena.web.intake.ModelIntake;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cellarena.scoring.io.Usage;
import org.cellarena.web.intake.SubmissionIntake;
import org.cellarena.web.board.LadderedScores;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Disclosure;
import org.cellarena.web.competition.Feedback;
import org.cellarena.web.store.FinalPicks;
import org.cellarena.web.store.Results;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Team;

/** A team's side: upload, its submissions, their status and detail, final picks. */
public final class SubmissionApi {
  private final Lookup lookup;
  private final Competitions competitions;
  private final Teams teams;
  private final Submissions submissions;
  private final Results results;
  private final FinalPicks picks;
  private final ScoringQueue queue;
  private final Reveals reveals;
  private final Leaderboards leaderboards;
  private final DailyQuota quota;
  private final SubmissionIntake intake;
  private final ModelIntake models;
  private final SubmissionFiles files;
  private final Path uploadsDir;
  private final long uploadLimitBytes;
  /** The multipart body handlers, by body limit. */
  private final Map<Long, BodyHandler> multipartBodies = new ConcurrentHashMap<>();

  public SubmissionApi(Lookup lookup, Competitions competitions, Teams teams, Submissions submissions,
      Results results, FinalPicks picks, ScoringQueue queue, Reveals reveals, Leaderboards leaderboards,
      DailyQuota quota, SubmissionIntake intake, ModelIntake models, SubmissionFiles files, Path uploadsDir,
      long uploadLimitBytes) {
    this.lookup = lookup;
    this.competitions = competitions;
    this.teams = teams;
    this.submissions = submissions;
    this.results = results;
    this.picks = picks;
    this.queue = queue;
    this.reveals = reveals;
    this.leaderboards = leaderboards;
    this.quota = quota;
    this.intake = intake;
    this.models = models;
    this.files = files;
    this.uploadsDir = uploadsDir;
    this.uploadLimitBytes = uploadLimitBytes;
  }

  /**
   * Before an upload's body is read (ahead of the body handler, hence a {@link SecurityPolicyHandler}): refuses
   * an unknown competition, a closed one (403) and a team over its daily limit (429), so that such a body is
   * never written to disk. The request stays paused for the next handler, which reads the body.
   */
  Handler<RoutingContext> admitUpload() {
    return (SecurityPolicyHandler) ctx -> {
      Team team = Access.caller(ctx).team();
      String cid = ctx.pathParam("cid");
      ctx.request().pause();
      ctx.vertx().executeBlocking(() -> {
        SubmissionIntake.checkTexts(ctx.request().getParam("filename"), ctx.request().getParam("description"));
        Competition competition = lookup.competition(cid);
        if (competition.isModel()) {
          models.admit(competition, team);
        } else {
          intake.admit(competition, team);
        }
        return null;
      }, false).onComplete(ar -> {
        if (ar.succeeded()) {
          ctx.next();
        } else {
          ctx.request().resume(); // the body is read and dropped, never stored
          ctx.fail(ar.cause());
        }
      });
    };
  }

  /**
   * Reads a multipart upload to disk up to the competition's limit (its model archive limit, or the server's CSV
   * one); a declared length over it is refused before the body is read.
   */
  void receiveMultipart(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    long limit = uploadLimit(competition);
    String declared = ctx.request().getHeader("Content-Length");
    if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
      ctx.response().putHeader("Connection", "close"); // the body is not read
      ctx.fail(tooLarge(competition));
      return;
    }
    multipartBodies.computeIfAbsent(limit, bytes -> BodyHandler.create().setBodyLimit(bytes)
        .setUploadsDirectory(uploadsDir.toString()).setDeleteUploadedFilesOnEnd(true)).handle(ctx);
  }

  private long uploadLimit(Competition competition) {
    return competition.isModel() ? competition.model().maxArchiveBytes() : uploadLimitBytes;
  }

  private Refusal tooLarge(Competition competition) {
    long limit = uploadLimit(competition);
    return competition.isModel() ? ModelIntake.tooLarge(limit) : RawUpload.tooLarge(limit);
  }

  /**
   * POST /api/competitions/:cid/submissions as {@code multipart/form-data}: a {@code file} field (the body
   * handler has written it to disk) and an optional {@code description} field.
   */
  void uploadMultipart(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Team team = Access.caller(ctx).team();
    FileUpload file = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).findFirst()
        .orElseThrow(() -> Refusal.badRequest("the multipart form has no \"file\" field"));
    accept(ctx, competition, team, Path.of(file.uploadedFileName()), file.fileName(),
        ctx.request().getFormAttribute("description"));
  }

  /**
   * POST /api/competitions/:cid/submissions with the file as the body (text/csv or gzip), streamed to disk;
   * {@code ?description=} and {@code ?filename=} optional.
   */
  void uploadRaw(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Team team = Access.caller(ctx).team();
    String fileName = ctx.request().getParam("filename");
    String description = ctx.request().getParam("description");
    boolean zip = "application/zip".equalsIgnoreCase(baseType(ctx.request().getHeader("Content-Type")));
    if (zip != competition.isModel()) {
      ctx.response().putHeader("Connection", "close");
      throw wrongKind(competition);
    }
    long limit = uploadLimit(competition);
    RawUpload.receive(ctx, uploadsDir, limit, files.space()).onComplete(received -> {
          if (received.failed()) {
            if (received.cause() instanceof Refusal refusal) {
              ctx.response().putHeader("Connection", "close"); // the rest of the body is not read
              ctx.fail(refusal.reason() == Refusal.Reason.TOO_LARGE ? tooLarge(competition) : refusal);
            } else if (!ctx.response().closed()) {
              ctx.fail(received.cause());
            }
            return;
          }
          Path body = received.result();
          ctx.addEndHandler(done -> ctx.vertx().fileSystem().delete(body.toString()));
          accept(ctx, competition, team, body, fileName, description);
        });
  }

  private static String baseType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip();
  }

  /** The 400 of a zip sent to a CSV competition, or of anything else sent to a model competition. */
  private static Refusal wrongKind(Competition competition) {
    return Refusal.badRequest(competition.isModel()
        ? "the competition " + competition.id() + " takes model archives, not CSVs: send the .zip that "
            + "cellarena submit --model packs, as Content-Type: application/zip"
        : "the competition " + competition.id() + " takes a CSV (id,predicted, plain or gzip), not a zip archive");
  }

  /**
   * Stores and queues the upload (on a worker thread) and answers 202 once its row is committed: a model
   * archive in a model competition, a CSV elsewhere.
   */
  private void accept(RoutingContext ctx, Competition competition, Team team, Path body, String fileName,
      String description) {
    Replies.json(ctx, 202, () -> {
      if (startsWithZipMagic(body) != competition.isModel()) {
        throw wrongKind(competition);
      }
      long id;
      Status status = competition.isModel() ? Status.INFERENCE_QUEUED : Status.QUEUED;
      if (competition.isModel()) {
        id = models.accept(competition, team, body, fileName, description);
      } else {
        try (InputStream in = Files.newInputStream(body)) {
          id = intake.accept(competition, team, in, fileName, description);
        }
      }
      return new JsonObject().put("id", id).put("status", status.label())
          .put("status_url", "/api/submissions/" + id)
          .put("events_url", "/api/submissions/" + id + "/events");
    });
  }

  private static boolean startsWithZipMagic(Path body) throws java.io.IOException {
    try (InputStream in = Files.newInputStream(body)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }
  }

  /** GET /api/competitions/:cid/submissions: the caller's submissions, newest first, and its quota today. */
  void mine(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    Team team = Access.caller(ctx).team();
    Replies.json(ctx, 200, () -> {
      boolean revealed = reveals.isRevealed(competition.id());
      JsonArray list = new JsonArray();
      var rows = submissions.forTeam(competition.id(), team.id());
      for (SubmissionRow s : LadderedScores.shown(competition, revealed, rows)) {
        list.add(SubmissionView.status(s, position(s), revealed));
      }
      JsonArray picks = new JsonArray();
      leaderboards.finalPicks(competition, rows).forEach(picks::add);
      return new JsonObject()
          .put("competition", competition.id())
          .put("team", team.name())
          .put("quota", quota.usage(competition, team.id(), Instant.now()).toJson())
          .put("final_picks", new JsonObject().put("limit", competition.finalPicks())
              .put("explicit", rows.stream().anyMatch(SubmissionRow::finalPick)).put("submissions", picks))
          .put("submissions", list);
    });
  }

  /** GET /api/me: the caller's team and its quota in each competition it takes part in. */
  void me(RoutingContext ctx) {
    Team team = Access.caller(ctx).team();
    Replies.json(ctx, 200, () -> {
      JsonArray competitions = new JsonArray();
      for (Competition c : this.competitions.all()) {
        if (!teams.takesPart(team.id(), c.id())) {
          continue;
        }
        competitions.add(new JsonObject().put("id", c.id())
            .put("quota", quota.usage(c, team.id(), Instant.now()).toJson()));
      }
      return new JsonObject().put("team", new JsonObject().put("id", team.id()).put("name", team.name()))
          .put("competitions", competitions);
    });
  }

  /** GET /api/submissions/:sid */
  void status(RoutingContext ctx) {
    Caller caller = Access.caller(ctx);
    String sid = ctx.pathParam("sid");
    Replies.json(ctx, 200, () -> statusJson(lookup.submission(sid, caller), caller));
  }

  JsonObject statusJson(SubmissionRow s, Caller caller) {
    boolean revealed = reveals.isRevealed(s.competition());
    return SubmissionView.status(caller.admin() ? s : asShown(s, revealed), position(s), caller.admin() || revealed);
  }

  /** The submission with its public score as its team is shown it (see {@link LadderedScores}). */
  private SubmissionRow asShown(SubmissionRow s, boolean revealed) {
    Competition competition = competitions.find(s.competition()).orElse(null);
    if (competition == null || competition.ladder() == null || revealed) {
      return s;
    }
    return LadderedScores.shown(competition, false, submissions.forTeam(s.competition(), s.teamId()))
        .stream().filter(r -> r.id() == s.id()).findFirst().orElse(s);
  }

  private int position(SubmissionRow s) {
    return SubmissionView.queuePosition(queue, s);
  }

  /**
   * GET /api/submissions/:sid/detail: the summaries of the parts and the rows of the images the caller may see.
   * The admin sees everything. A team sees the rows of the images whose {@link Disclosure} is not NONE (each row
   * says which it has), the Feedback summary, the private one after the reveal, and the public one, or under a
   * Ladder before the reveal only the score the Ladder shows; at {@code scores} the summaries' scores only.
   */
  void detail(RoutingContext ctx) {
    Caller caller = Access.caller(ctx);
    String sid = ctx.pathParam("sid");
    Replies.json(ctx, 200, () -> {
      SubmissionRow s = lookup.submission(sid, caller);
      Competition competition = lookup.competition(s.competition());
      boolean revealed = reveals.isRevealed(s.competition());
      String stored = results.latestDetail(s.id()).orElse(null);
      if (stored == null || s.status() == Status.FAILED) {
        throw Refusal.conflict("submission " + s.id() + " has no score (it is " + s.status().label() + ")");
      }
      JsonObject detail = new JsonObject(stored);
      JsonArray rows = new JsonArray();
      for (Object o : detail.getJsonArray("images")) {
        JsonObject row = (JsonObject) o;
        Disclosure shown = caller.admin() ? Disclosure.TRUTH
            : competition.disclosure(Usage.parse(row.getString("usage")), revealed);
        if (shown.showsImage()) {
          rows.add(row.put("shown", shown.name().toLowerCase(Locale.ROOT)));
        }
      }
      boolean scoresOnly = !caller.admin() && competition.feedback() == Feedback.SCORES;
      boolean laddered = !caller.admin() && competition.ladder() != null && !revealed;
      JsonObject publicPart = laddered ? ladderOnly(asShown(s, false), competition)
          : part(detail.getJsonObject("public"), scoresOnly);
      return new JsonObject()
          .put("id", s.id())
          .put("competition", s.competition())
          .put("team", s.teamName())
          .put("status", s.status().label())
          .put("revealed", revealed)
          .put("scorer_version", detail.getString("scorer_version"))
          .put("scored_at", s.score() == null ? null : SubmissionView.text(s.score().scoredAt()))
          .put("thresholds", detail.getJsonArray("thresholds"))
          .put("feedback", competition.feedback().label())
          .put("public", publicPart)
          .put("feedback_part", part(detail.getJsonObject("feedback"), scoresOnly))
          .put("private", caller.admin() || revealed ? part(detail.getJsonObject("private"), scoresOnly) : null)
          .put("images", rows);
    });
  }

  /** A part's summary, or at the {@code scores} level the fields that level shows. */
  private static JsonObject part(JsonObject part, boolean scoresOnly) {
    if (part == null || !scoresOnly) {
      return part;
    }
    JsonObject shown = new JsonObject();
    for (String key : new String[] {"score", "ci95", "precision_per_threshold", "cell_types", "images"}) {
      shown.put(key, part.getValue(key));
    }
    return shown;
  }

  /** The public summary under a Ladder: the score it shows, and its step. */
  private static JsonObject ladderOnly(SubmissionRow shown, Competition competition) {
    return new JsonObject().put("score", shown.score() == null ? null : shown.score().publicScore())
        .put("ladder_step", competition.settings().ladderStep());
  }

  /** PUT /api/submissions/:sid/final: picks a scored submission for the private leaderboard. */
  void pickFinal(RoutingContext ctx) {
    setFinal(ctx, true);
  }

  /** DELETE /api/submissions/:sid/final */
  void unpickFinal(RoutingContext ctx) {
    setFinal(ctx, false);
  }

  private void setFinal(RoutingContext ctx, boolean pick) {
    Caller caller = Access.caller(ctx);
    String sid = ctx.pathParam("sid");
    Replies.json(ctx, 200, () -> {
      SubmissionRow s = lookup.submission(sid, caller);
      Competition competition = lookup.competition(s.competition());
      if (reveals.isRevealed(competition.id())) {
        throw Refusal.conflict("the private leaderboard is revealed: final picks cannot change any more");
      }
      if (competition.isPastDeadline(Instant.now())) {
        throw Refusal.conflict("final picks locked at the deadline, " + competition.deadline());
      }
      if (pick && !s.finalPick() && s.status() != Status.SCORED) {
        throw Refusal.conflict("only a scored submission can be a final pick (this one is "
            + s.status().label() + ")");
      }
      // counted under the team's row lock in the database: two nodes cannot both give away the last pick
      if (!picks.setFinalPick(s.id(), s.teamId(), competition.id(), pick, competition.finalPicks())) {
        int picked = picks.finalPickCount(competition.id(), s.teamId());
        throw Refusal.conflict("you have already picked " + picked + " of " + competition.finalPicks()
            + " final submissions; DELETE /api/submissions/<id>/final on one first");
      }
      leaderboards.invalidate(competition.id());
      return new JsonObject().put("id", s.id()).put("final_pick", pick);
    });
  }
}
