package org.cellarena.web.inference;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.competition.ModelTerms;
import org.cellarena.web.files.ModelArchive;
import org.cellarena.web.files.StagedUpload;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.scoring.StatusListener;
import org.cellarena.web.store.Inferences;

/**
 * One claimed inference, from the stored archive to the submission queued for scoring with the CSV its model
 * produced, or failed with the one sentence its team reads (the host reads the log): {@code Inference Timeout},
 * {@code Out Of Memory}, {@code Exceeded Allowed Compute}, {@code Model Load Error}. No failure of the model
 * stops the worker.
 */
public final class InferenceRun {
  private static final Logger LOG = Logger.getLogger(InferenceRun.class.getName());
  /** The least time between two progress writes of one inference. */
  private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

  /** Told when a submission's model produced its CSV and the row is queued for scoring. */
  @FunctionalInterface
  public interface Produced {
    void queued(long submissionId, long teamId);
  }

  private final Inferences inferences;
  private final Competitions competitions;
  private final SubmissionFiles files;
  private final ComputeBudget budget;
  private final ModelRunner runner;
  private final Produced produced;
  private final StatusListener onStatusChange;

  public InferenceRun(Inferences inferences, Competitions competitions, SubmissionFiles files, ComputeBudget budget,
      ModelRunner runner, Produced produced, StatusListener onStatusChange) {
    this.inferences = inferences;
    this.competitions = competitions;
    this.files = files;
    this.budget = budget;
    this.runner = runner;
    this.produced = produced;
    this.onStatusChange = onStatusChange;
  }

  /** Why a run stopped before its last image. */
  private enum Stop { NONE, TIME_LIMIT, LEASE_LOST, SHUTDOWN }

  /**
   * Runs the claimed inference to its end (blocking).
   *
   * @param keepGoing false once this process stops: the inference is queued again
   */
  public void run(Inferences.Claimed job, String owner, BooleanSupplier keepGoing) {
    onStatusChange.changed(job.id(), job.competition());
    Competition competition = competitions.find(job.competition()).filter(Competition::isModel).orElse(null);
    if (competition == null) {
      finish(job, inferences.fail(job.id(), owner, "Model Load Error: the competition " + job.competition()
          + " no longer runs models", 0));
      return;
    }
    Optional<String> exceeded = budget.exceeded(competition, job.teamId(), Instant.now());
    if (exceeded.isPresent()) {
      finish(job, inferences.fail(job.id(), owner, exceeded.get(), 0));
      return;
    }
    Path work = files.newWorkDir(competition.id());
    try {
      infer(job, owner, competition, work, keepGoing);
    } finally {
      SubmissionFiles.deleteTree(work);
    }
  }

  private void infer(Inferences.Claimed job, String owner, Competition competition, Path work,
      BooleanSupplier keepGoing) {
    long start = System.nanoTime();
    Watch watch = new Watch(job.id(), owner, competition.model(), start, keepGoing);
    try {
      Path modelDir = Files.createDirectory(work.resolve("model"));
      ModelArchive.unpack(files.resolve(job.modelFile()), modelDir, 2 * competition.model().maxArchiveBytes());
      List<Path> images = competition.solution().images().stream().map(SolutionImage::id)
          .map(id -> competition.testImagesDir().resolve(id + ".png")).toList();
      Path out = work.resolve("predicted.csv");
      InferenceResult result = runner.predict(modelDir, images, out, watch);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!inferences.holds(job.id(), owner)) { // taken over: the CSV in place is the new owner's to write
        LOG.warning("submission " + job.id() + ": the inference lost its lease; its CSV is discarded");
        return;
      }
      StagedUpload staged;
      try (InputStream in = Files.newInputStream(out)) {
        staged = files.stage(competition.id(), in);
      }
      String stored = files.place(staged, competition.id(), job.id());
      boolean recorded = inferences.produced(job.id(), owner, stored, staged.storedBytes(), staged.sha256(),
          seconds, detail(result).encode());
      if (recorded) {
        produced.queued(job.id(), job.teamId());
      }
      finish(job, recorded);
    } catch (InferenceStoppedException e) {
      stopped(job, owner, watch.stop, e, (System.nanoTime() - start) / 1e9);
    } catch (ModelRejectedException e) {
      fail(job, owner, "Model Load Error: " + e.getMessage(), start);
    } catch (Refusal e) {
      fail(job, owner, "Model Load Error: " + e.getMessage(), start);
    } catch (OutOfMemoryError e) {
      fail(job, owner, "Out Of Memory: the model needed more memory than the inference worker has", start);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "the inference of submission " + job.id() + " failed", e);
      boolean memory = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("out of memory");
      fail(job, owner, memory ? "Out Of Memory: " + e.getMessage()
          : "Inference Error: the model failed on the server (" + e + ")", start);
    }
  }

  private void stopped(Inferences.Claimed job, String owner, Stop stop, InferenceStoppedException e,
      double seconds) {
    switch (stop) {
      case SHUTDOWN -> finish(job, inferences.handBack(job.id(), owner));
      case LEASE_LOST -> LOG.warning("submission " + job.id() + ": the inference lost its lease and stopped");
      default -> {
        Competition competition = competitions.find(job.competition()).orElseThrow();
        String limit = ModelTerms.minutes(competition.model().timeLimit());
        finish(job, inferences.fail(job.id(), owner, "Inference Timeout: stopped after " + limit + " at image "
            + Math.min(e.done() + 1, e.total()) + " of " + e.total(), seconds));
      }
    }
  }

  private void fail(Inferences.Claimed job, String owner, String reason, long start) {
    finish(job, inferences.fail(job.id(), owner, reason, (System.nanoTime() - start) / 1e9));
  }

  private void finish(Inferences.Claimed job, boolean changed) {
    if (changed) {
      onStatusChange.changed(job.id(), job.competition());
    }
  }

  private static JsonObject detail(InferenceResult result) {
    return new JsonObject()
        .put("images", result.images())
        .put("cells", result.cells())
        .put("seconds", result.seconds())
        .put("seconds_per_image", result.images() == 0 ? null : result.seconds() / result.images())
        .put("device", result.device())
        .put("engine", result.engine());
  }

  /** The run's progress callback: writes "image i of n" now and then, and stops the run at its limits. */
  private final class Watch implements ModelRunner.Progress {
    private final long id;
    private final String owner;
    private final long deadline;
    private final BooleanSupplier keepGoing;
    private long lastWrite;
    private volatile Stop stop = Stop.NONE;

    Watch(long id, String owner, ModelTerms terms, long start, BooleanSupplier keepGoing) {
      this.id = id;
      this.owner = owner;
      this.deadline = start + terms.timeLimit().toNanos();
      this.keepGoing = keepGoing;
      this.lastWrite = start;
    }

    @Override
    public boolean imageDone(int done, int total) {
      long now = System.nanoTime();
      if (!keepGoing.getAsBoolean()) {
        stop = Stop.SHUTDOWN;
      } else if (now - deadline > 0) {
        stop = Stop.TIME_LIMIT;
      } else if (now - lastWrite >= PROGRESS_EVERY_NANOS || done == total) {
        lastWrite = now;
        if (!inferences.progress(id, owner, "image " + done + " of " + total)) {
          stop = Stop.LEASE_LOST;
        }
      }
      return stop == Stop.NONE;
    }
  }
}
