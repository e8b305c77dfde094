package org.cellarena.harness.competition;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.cellarena.web.competition.CompetitionLoader;
import org.cellarena.web.competition.Feedback;

/**
 * What {@code competition.json} says, plus how the held-out images are cut into the Public and Private
 * leaderboards: {@code publicFraction} of each cell type's images (seeded) count on Public.
 */
public record CompetitionSpec(String id, String title, String description, int dailyLimit, int finalPicks,
    OffsetDateTime deadline, Feedback feedback, double publicFraction, long seed) {

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
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("title", title).put("description", description)
        .put("daily_limit", dailyLimit).put("final_picks", finalPicks)
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("feedback", feedback.label());
  }
}
