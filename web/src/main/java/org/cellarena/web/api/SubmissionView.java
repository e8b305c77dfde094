package org.cellarena.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.cellarena.web.Refusal;
import org.cellarena.web.Services;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.store.ScoreRow;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;

/** How a submission looks over the API, and how a request names one. */
public final class SubmissionView {
  private SubmissionView() {}

  /**
   * The status JSON: always id, competition, team, status, times and links; the queue position while queued;
   * the public score once scored (a rescore keeps showing the previous one); the reason when failed; the
   * private score only when {@code showPrivate}.
   */
  static JsonObject status(SubmissionRow s, int queuePosition, boolean showPrivate) {
    String base = "/api/submissions/" + s.id();
    JsonObject json = new JsonObject()
        .put("id", s.id())
        .put("competition", s.competition())
        .put("team", s.teamName())
        .put("status", s.status().label())
        .put("description", s.description())
        .put("file_name", s.fileName())
        .put("created_at", text(s.createdAt()))
        .put("started_at", text(s.startedAt()))
        .put("finished_at", text(s.finishedAt()))
        .put("final_pick", s.finalPick())
        .put("status_url", base)
        .put("detail_url", base + "/detail")
        .put("events_url", base + "/events");
    if (s.status() == Status.QUEUED) {
      json.put("queue_position", queuePosition);
    }
    if (s.status() == Status.FAILED) {
      json.put("error", s.error());
    }
    ScoreRow score = s.score();
    if (score != null && s.status() != Status.FAILED) {
      json.put("public_score", score.publicScore())
          .put("public_ci95", new JsonArray().add(score.publicCiLow()).add(score.publicCiHigh()))
          .put("scored_at", text(score.scoredAt()))
          .put("scoring_seconds", score.seconds())
          .put("scorer_version", score.scorerVersion());
      if (showPrivate) {
        json.put("private_score", score.privateScore());
      }
    }
    return json;
  }

  /** Where a queued submission stands (1 = next); 0 when it is not queued. */
  static int queuePosition(Services services, SubmissionRow s) {
    return s.status() == Status.QUEUED ? Math.max(1, services.queue().position(s.id())) : 0;
  }

  /** The submission named by the path's {@code sid}, if the caller may see it; 404 otherwise. */
  public static SubmissionRow find(Services services, String sid, Caller caller) {
    long id;
    try {
      id = Long.parseLong(sid);
    } catch (NumberFormatException e) {
      throw Refusal.notFound("no submission \"" + sid + "\"");
    }
    return services.submissions().find(id).filter(s -> caller.owns(s.teamId()))
        .orElseThrow(() -> Refusal.notFound("no submission " + sid + " of yours"));
  }

  /** The competition named by the path's {@code cid}; 404 otherwise. */
  static Competition competition(Services services, String cid) {
    return services.competitions().find(cid)
        .orElseThrow(() -> Refusal.notFound("no competition \"" + cid + "\""));
  }

  static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
