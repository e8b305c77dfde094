package org.cellarena.web.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.files.Sha256;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.inference.ComputeBudget;
import org.cellarena.web.inference.ModelChecks;
import org.cellarena.web.inference.ModelSummary;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.Team;

/**
 * Accepts a model archive in a model competition: the same admission as a CSV ({@link SubmissionIntake}) and the
 * team's compute today; then the archive guard and the runner's check, both before the row is inserted, so a
 * refused model costs no submission. When {@link #accept} returns, the archive is stored and its row committed,
 * waiting for inference.
 */
public final class ModelIntake {
  private final SubmissionIntake intake;
  private final Submissions submissions;
  private final SubmissionFiles files;
  private final ModelChecks checks;
  private final ComputeBudget budget;
  private final Runnable onQueued;

  /** @param onQueued told after a model submission is committed (the inference lane wakes) */
  public ModelIntake(SubmissionIntake intake, Submissions submissions, SubmissionFiles files, ModelChecks checks,
      ComputeBudget budget, Runnable onQueued) {
    this.intake = intake;
    this.submissions = submissions;
    this.files = files;
    this.checks = checks;
    this.budget = budget;
    this.onQueued = onQueued;
  }

  /**
   * Refuses what {@link #accept} would refuse before reading the archive: no runner (503), the closing rules
   * and daily limits of {@link SubmissionIntake#admit}, the team's compute used up today (429). Blocking.
   */
  public void admit(Competition competition, Team team) {
    checks.requireRunner();
    intake.admit(competition, team);
    budget.check(competition, team.id(), Instant.now());
  }

  /**
   * Checks, stores and queues a model archive (blocking); the caller deletes {@code archive} if it is still
   * there (it is moved into place when accepted).
   *
   * @return the new submission's id
   */
  public long accept(Competition competition, Team team, Path archive, String fileName, String description) {
    SubmissionIntake.checkTexts(fileName, description);
    admit(competition, team);
    long limit = competition.model().maxArchiveBytes();
    long size = size(archive);
    if (size > limit) {
      throw tooLarge(limit);
    }
    ModelSummary summary;
    try (ModelChecks.Slot slot = checks.slot(team.id())) {
      Path work = files.newWorkDir(competition.id());
      try {
        files.unpackModel(archive, work);
        summary = checks.check(work);
      } finally {
        SubmissionFiles.deleteTree(work);
      }
    }
    String sha256 = Sha256.of(archive);
    long id;
    synchronized (intake.teamLock(competition, team)) {
      id = submissions.addModel(competition.id(), team.id(), blankToNull(description), blankToNull(fileName), size,
          sha256, new Submissions.CheckedModel(summary.weightsSha256(), summary.description()),
          () -> admit(competition, team),
          sid -> files.placeModel(archive, competition.id(), sid));
    }
    onQueued.run();
    return id;
  }

  /** The 400 of an archive over the competition's limit. */
  public static Refusal tooLarge(long limitBytes) {
    return Refusal.badRequest("the model archive is larger than this competition's limit of "
        + limitBytes / (1024 * 1024) + " MB");
  }

  private static long size(Path archive) {
    try {
      return Files.size(archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
