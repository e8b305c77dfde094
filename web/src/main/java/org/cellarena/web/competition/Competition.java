package org.cellarena.web.competition;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SubmissionLimits;
import org.cellarena.scoring.io.Usage;

/**
 * One served competition: its settings, its folder and its held-out solution.
 *
 * @param settings what the host may change while it is served
 * @param limits the bounds on one submission's reading and scoring (the server's, with this competition's
 *     overrides)
 * @param solutionHash SHA-256 of {@code solution.csv}; results are keyed by it, so a changed solution rescored
 *     keeps the old results beside the new
 * @param model what makes it a {@code model} competition; null for a {@code csv} one (the test images are
 *     handed out and teams upload CSVs)
 */
public record Competition(String id, CompetitionSettings settings, SubmissionLimits limits, Path dir,
    Solution solution, String solutionHash, ModelTerms model) {

  /** Whether teams submit models that the server runs on test images it never hands out. */
  public boolean isModel() {
    return model != null;
  }

  /**
   * Whether {@code imageId} names a test image that never leaves the server: in a model competition, every
   * test image but the sample ones.
   */
  public boolean isHidden(String imageId) {
    return model != null && !model.sampleTest().contains(imageId) && solution.image(imageId) != null;
  }

  public String title() {
    return settings.title();
  }

  public String description() {
    return settings.description();
  }

  public int dailyLimit() {
    return settings.dailyLimit();
  }

  public int finalPicks() {
    return settings.finalPicks();
  }

  /** When submissions close, or null for never (the reveal closes them too). */
  public Instant deadline() {
    return settings.deadline();
  }

  public Feedback feedback() {
    return settings.feedback();
  }

  /** The Ladder rule of the public scores, or null when every public score is shown as it is. */
  public Ladder ladder() {
    return settings.ladderStep() == null ? null : new Ladder(settings.ladderStep());
  }

  /** How much a team sees of an image of the part {@code usage} (the admin always sees everything). */
  public Disclosure disclosure(Usage usage, boolean revealed) {
    return feedback().disclosure(usage, revealed, ladder() != null);
  }

  /** The same competition with other settings. */
  public Competition with(CompetitionSettings changed) {
    return new Competition(id, changed, limits, dir, solution, solutionHash, model);
  }

  /** The held-out images of the competition ({@code dir/test}), which may be absent. */
  public Path testImagesDir() {
    return dir.resolve("test");
  }

  /** Whether the deadline has passed at {@code now} (the reveal closes a competition too: see the intake). */
  public boolean isPastDeadline(Instant now) {
    return deadline() != null && !now.isBefore(deadline());
  }

  /**
   * When the boards stop taking submissions: the deadline or the reveal, whichever came first; null while
   * neither has. Only submissions made before it are ranked.
   */
  public Instant cutoff(Instant revealedAt) {
    Instant deadline = deadline();
    if (deadline == null || revealedAt == null) {
      return deadline == null ? revealedAt : deadline;
    }
    return deadline.isBefore(revealedAt) ? deadline : revealedAt;
  }

  public long imageCount(Usage usage) {
    return solution.images().stream().filter(i -> i.usage() == usage).count();
  }

  /** The public description of the competition (nothing of the solution beyond image counts, no code). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("title", title())
        .put("description", description())
        .put("daily_limit", dailyLimit())
        .put("final_picks", finalPicks())
        .put("deadline", deadline() == null ? null : deadline().toString())
        .put("feedback", feedback().label())
        .put("feedback_text", feedback().sentence())
        .put("registration", settings.registrationCode() != null)
        .put("ladder_step", settings.ladderStep())
        .put("limits", new JsonObject()
            .put("masks_per_image", limits.masksPerImage())
            .put("masks_per_file", limits.masksPerFile())
            .put("pixels_per_file", limits.pixelsPerFile() == Long.MAX_VALUE ? null : limits.pixelsPerFile())
            .put("scoring_seconds", limits.time().toSeconds()))
        .put("public_images", imageCount(Usage.PUBLIC))
        .put("private_images", imageCount(Usage.PRIVATE))
        .put("feedback_images", imageCount(Usage.FEEDBACK))
        .put("kind", isModel() ? "model" : "csv")
        .put("sample_test", isModel() ? model.sampleTestJson() : null)
        .put("inference", isModel() ? model.toJson() : null)
        .put("what_teams_see", whatTeamsSee());
  }

  /**
   * Per feedback level (the current one marked), what a team gets of its submission on each part's images
   * before the reveal, and of the Private images after it: the Evaluation tab's table.
   */
  private JsonArray whatTeamsSee() {
    boolean ladder = ladder() != null;
    JsonArray rows = new JsonArray();
    for (Feedback level : Feedback.values()) {
      rows.add(new JsonObject()
          .put("level", level.label())
          .put("current", level == feedback())
          .put("feedback", level.disclosure(Usage.FEEDBACK, false, ladder).sentence())
          .put("public", level.disclosure(Usage.PUBLIC, false, ladder).sentence())
          .put("private", level.disclosure(Usage.PRIVATE, false, ladder).sentence())
          .put("private_revealed", level.disclosure(Usage.PRIVATE, true, ladder).sentence()));
    }
    return rows;
  }
}
