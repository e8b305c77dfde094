package org.cellarena.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.ModelRun;
import org.cellarena.web.store.ScoreRow;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;

/** How a submission looks over the API. */
final class SubmissionView {
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
    if (s.model() != null) {
      json.put("model", model(s.model()));
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

  /**
   * A model submission's side: its weights' hash, the runner's description of it, the progress of its inference while it runs, and after it the
   * seconds, the seconds per image, the device and the engine.
   */
  static JsonObject model(ModelRun run) {
    JsonObject json = new JsonObject()
        .put("weights_sha256", run.weightsSha256())
        .put("description", run.description())
        .put("inference_started_at", text(run.startedAt()))
        .put("inference_progress", run.progress())
        .put("inference_seconds", run.seconds());
    if (run.detailJson() != null) {
      JsonObject detail = new JsonObject(run.detailJson());
      for (String key : new String[] {"images", "seconds_per_image", "device", "engine"}) {
        json.put(key, detail.getValue(key));
      }
    }
    return json;
  }

  /** Where a queued submission stands (1 = next); 0 when it is not queued. */
  static int queuePosition(ScoringQueue queue, SubmissionRow s) {
    return s.status() == Status.QUEUED ? Math.max(1, queue.position(s.id())) : 0;
  }

  static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
