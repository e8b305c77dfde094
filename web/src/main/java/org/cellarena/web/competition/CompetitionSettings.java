package org.cellarena.web.competition;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What a host may change while a competition is served (from {@code competition.json}, then from the admin page,
 * kept in the database across restarts).
 *
 * @param deadline when submissions close, or null for never (the reveal closes them too)
 * @param feedback how much of their scoring teams see
 * @param registrationCode the code with which participants register a team on the site; null: no registration
 * @param ladderStep the Ladder rule's step (see {@link Ladder}); null: every public score is shown as it is
 */
public record CompetitionSettings(String title, String description, int dailyLimit, int finalPicks,
    Instant deadline, Feedback feedback, String registrationCode, Double ladderStep) {

  /** The keys, as {@code competition.json} and the admin API name them. */
  public static final java.util.List<String> KEYS = java.util.List.of("title", "description", "daily_limit",
      "final_picks", "deadline", "feedback", "registration_code", "ladder_step");

  /**
   * Where nothing is said: titled by the id, 5 a day, 2 final picks, no deadline, the default feedback, no
   * Ladder rule.
   */
  public static CompetitionSettings defaults(String id) {
    return new CompetitionSettings(id, "", 5, 2, null, Feedback.DEFAULT, null, null);
  }

  /** As {@code competition.json} and the admin API write them. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("title", title)
        .put("description", description)
        .put("daily_limit", dailyLimit)
        .put("final_picks", finalPicks)
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("feedback", feedback.label())
        .put("registration_code", registrationCode)
        .put("ladder_step", ladderStep);
  }
}
