package org.cellarena.harness.competition;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.cellarena.web.competition.CompetitionLoader;
import org.cellarena.web.competition.Feedback;

/**
 * What {@code competition.json} says, plus how the held-out images are cut (seeded, per cell type; see
 * {@link UsageAssigner}): {@code feedbackFraction} of them into the Feedback part, shown in full detail and
 * counted on no board, and {@code publicFraction} of the rest onto the Public leaderboard.
 */
public record CompetitionSpec(String id, String title, String description, int dailyLimit, int finalPicks,
    OffsetDateTime deadline, Feedback feedback, double feedbackFraction, double publicFraction, long seed) {

  /** Without a Feedback part. */
  public CompetitionSpec(String id, String title, String description, int dailyLimit, int finalPicks,
      OffsetDateTime deadline, Feedback feedback, double publicFraction, long seed) {
    this(id, title, description, dailyLimit, finalPicks, deadline, feedback, 0, publicFraction, seed);
  }

  public CompetitionSpec {
    if (id == null || !CompetitionLoader.ID.matcher(id).matches()) { // the server's own rule for ids
      throw new IllegalArgumentException("the competition id must start with a letter or digit and hold only "
          + "letters, digits, '.', '-' and '_' (at most 100), found '" + id + "'");
    }
    if (dailyLimit < 1 || finalPicks < 1) {
      throw new IllegalArgumentException("daily limit and final picks must be at least 1");
    }
    if (!(publicFraction > 0 && publicFraction <= 1)) {
      throw new IllegalArgumentException("the public fraction must be in (0, 1], found " + publicFraction);
    }
    if (!(feedbackFraction >= 0 && feedbackFraction < 1)) {
      throw new IllegalArgumentException("the feedback fraction must be in [0, 1), found " + feedbackFraction);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("title", title).put("description", description)
        .put("daily_limit", dailyLimit).put("final_picks", finalPicks)
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("feedback", feedback.label());
  }
}
