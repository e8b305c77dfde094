package org.cellarena.harness.competition;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.cellarena.web.competition.CompetitionLoader;
import org.cellarena.web.competition.Feedback;
import org.cellarena.web.competition.ModelTerms;

/**
 * What {@code competition.json} says, plus how the held-out images are cut (seeded, per cell type; see
 * {@link UsageAssigner}): {@code feedbackFraction} of them into the Feedback part, shown in full detail and
 * counted on no board, and {@code publicFraction} of the rest onto the Public leaderboard. A {@code model}
 * competition hands out {@code sampleTest} of the held-out images (Feedback, see {@link SampleTests}) and keeps
 * the others hidden.
 */
public record CompetitionSpec(String id, String title, String description, int dailyLimit, int finalPicks,
    OffsetDateTime deadline, Feedback feedback, double feedbackFraction, double publicFraction, long seed,
    CompetitionKind kind, int sampleTest) {
  /** Sartorius handed out three test images. */
  public static final int DEFAULT_SAMPLE_TEST = 3;

  /** A csv competition. */
  public CompetitionSpec(String id, String title, String description, int dailyLimit, int finalPicks,
      OffsetDateTime deadline, Feedback feedback, double feedbackFraction, double publicFraction, long seed) {
    this(id, title, description, dailyLimit, finalPicks, deadline, feedback, feedbackFraction, publicFraction, seed,
        CompetitionKind.CSV, 0);
  }

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
    if (sampleTest < 0 || (kind == CompetitionKind.CSV && sampleTest > 0)) {
      throw new IllegalArgumentException(sampleTest < 0 ? "the sample test images must be 0 or more, found "
          + sampleTest : "sample test images are for a model competition; a csv one hands out every test image");
    }
  }

  /** {@code competition.json}; {@code sampleIds}: a model competition's sample test images. */
  public JsonObject toJson(List<String> sampleIds) {
    JsonObject json = new JsonObject().put("id", id).put("title", title).put("description", description)
        .put("daily_limit", dailyLimit).put("final_picks", finalPicks)
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("feedback", feedback.label());
    if (kind == CompetitionKind.MODEL) { // the default limits, written out for the host to edit
      ModelTerms terms = new ModelTerms(sampleIds, ModelTerms.DEFAULT_TIME_LIMIT, ModelTerms.DEFAULT_COMPUTE_MINUTES,
          ModelTerms.DEFAULT_ARCHIVE_MB * 1024 * 1024);
      json.put("kind", kind.label()).put("sample_test", terms.sampleTestJson()).put("inference", terms.toJson());
    }
    return json;
  }
}
