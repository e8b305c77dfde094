package org.cellarena.web.competition;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.Usage;

/**
 * One served competition: its settings from {@code competition.json}, its folder and its held-out solution.
 *
 * @param solutionHash SHA-256 of {@code solution.csv}; results are keyed by it, so a changed solution rescored
 *     keeps the old results beside the new
 * @param deadline when submissions close, or null for never
 */
public record Competition(
    String id, String title, String description, int dailyLimit, int finalPicks, Instant deadline, Path dir,
    Solution solution, String solutionHash) {

  /** The held-out images of the competition ({@code dir/test}), which may be absent. */
  public Path testImagesDir() {
    return dir.resolve("test");
  }

  public boolean isClosed(Instant now) {
    return deadline != null && !now.isBefore(deadline);
  }

  public long imageCount(Usage usage) {
    return solution.images().stream().filter(i -> i.usage() == usage).count();
  }

  /** The public description of the competition (nothing of the solution beyond image counts). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("title", title)
        .put("description", description)
        .put("daily_limit", dailyLimit)
        .put("final_picks", finalPicks)
        .put("deadline", deadline == null ? null : deadline.toString())
        .put("public_images", imageCount(Usage.PUBLIC))
        .put("private_images", imageCount(Usage.PRIVATE));
  }
}
