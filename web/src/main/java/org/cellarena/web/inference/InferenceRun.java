package org.cellarena.web.inference;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  private enum Stop { NONE, LIMIT, LEASE_LOST, SHUTDOWN }

  /**
   * Runs the claimed inference to its end (blocking).
   *
   * @param keepGoing false once this process stops: the inference is queued again
   */
  public void run(RunningInference running, BooleanSupplier keepGoing) {
    Inferences.Claimed job = running.job();
    onStatusChange.changed(job.id(), job.competition());
    Competition competition = competitions.find(job.competition()).filter(Competition::isModel).orElse(null);
    if (competition == null) {
      fail(running, "Model Load Error: the competition " + job.competition() + " no longer runs models");
      return;
    }
    Instant now = Instant.now();
    Optional<String> exceeded = budget.exceeded(competition, job.teamId(), now);
    if (exceeded.isPresent()) {
      fail(running, exceeded.get());
      return;
    }
    setLimit(running, competition, now);
    Path work = files.newWorkDir(competition.id());
    try {
      infer(running, competition, work, keepGoing);
    } finally {
      SubmissionFiles.deleteTree(work);
    }
  }

  /** Stops the run at its time limit, or earlier where the team's compute left today is less. */
  private void setLimit(RunningInference running, Competition competition, Instant now) {
    Duration timeLimit = competition.model().timeLimit();
    Duration computeLeft = budget.remaining(competition, running.job().teamId(), now);
    if (computeLeft.compareTo(timeLimit) < 0) {
      running.limit(computeLeft, "Exceeded Allowed Compute: stopped after the team's compute left today ("
          + ModelTerms.minutes(computeLeft) + ")");
    } else {
      running.limit(timeLimit, "Inference Timeout: stopped after " + ModelTerms.minutes(timeLimit));
    }
  }

  private void infer(RunningInference running, Competition competition, Path work, BooleanSupplier keepGoing) {
    Inferences.Claimed job = running.job();
    Watch watch = new Watch(running, keepGoing);
    try {
      Path modelDir = unpack(job, work);
      List<Path> images = competition.solution().images().stream().map(SolutionImage::id)
          .map(id -> competition.testImagesDir().resolve(id + ".png")).toList();
      running.imageDone(0, images.size());
      Path out = work.resolve("predicted.csv");
      InferenceResult result = runner.predict(modelDir, images, out, watch);
      record(running, competition, out, result);
    } catch (InferenceStoppedException e) {
      stopped(running, watch.stop);
    } catch (ModelRejectedException e) {
      fail(running, "Model Load Error: " + e.getMessage());
    } catch (Refusal e) {
      refused(running, e);
    } catch (Throwable e) { // an Error too: no model stops the worker
      LOG.log(Level.WARNING, "the inference of submission " + job.id() + " failed", e);
      fail(running, outOfMemory(e) ? "Out Of Memory: the model needed more memory than the inference worker has"
          : "Inference Error: the model failed on the server");
    }
  }

  /** Unpacks the stored archive; a refusal is the model's, but for a full disk (the job is handed back). */
  private Path unpack(Inferences.Claimed job, Path work) throws IOException, ModelRejectedException {
    Path modelDir = Files.createDirectory(work.resolve("model"));
    try {
      files.unpackModel(files.resolve(job.modelFile()), modelDir);
    } catch (Refusal e) {
      if (e.reason() == Refusal.Reason.NO_SPACE) {
        throw e;
      }
      throw new ModelRejectedException(e.getMessage());
    }
    return modelDir;
  }

  /** Stores the CSV the model produced and queues the submission for scoring, if the lease is still held. */
  private void record(RunningInference running, Competition competition, Path out, InferenceResult result)
      throws IOException {
    Inferences.Claimed job = running.job();
    double seconds = running.chargedSeconds();
    if (!inferences.holds(job.id(), running.owner())) { // taken over: the CSV in place is the new owner's
      LOG.warning("submission " + job.id() + ": the inference lost its lease; its CSV is discarded");
      return;
    }
    StagedUpload staged;
    try (InputStream in = Files.newInputStream(out)) {
      staged = files.stage(competition.id(), in);
    }
    String stored = files.place(staged, competition.id(), job.id());
    boolean recorded = inferences.produced(job.id(), running.owner(), stored, staged.storedBytes(), staged.sha256(),
        seconds, detail(result).encode());
    if (recorded) {
      produced.queued(job.id(), job.teamId());
    }
    finish(job, recorded);
  }

  /**
   * A refusal of the files: a full disk is not the model's doing (the inference runs again later); the CSV it
   * produced over the server's limits is (the sentence is the server's own).
   */
  private void refused(RunningInference running, Refusal e) {
    Inferences.Claimed job = running.job();
    if (e.reason() == Refusal.Reason.NO_SPACE) {
      LOG.warning("submission " + job.id() + ": " + e.getMessage() + "; the inference is queued again");
      finish(job, inferences.handBack(job.id(), running.owner()));
    } else {
      fail(running, "Inference Error: the CSV the model produced was refused: " + e.getMessage());
    }
  }

  /** Whether a failure reads as the model running out of memory (on the heap, the CPU's or a GPU's). */
  private static boolean outOfMemory(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return true;
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("out of memory") || message.contains("not enough memory")
        || message.contains("defaultcpuallocator");
  }

  private void stopped(RunningInference running, Stop stop) {
    Inferences.Claimed job = running.job();
    switch (stop) {
      case SHUTDOWN -> finish(job, inferences.handBack(job.id(), running.owner()));
      case LEASE_LOST -> LOG.warning("submission " + job.id() + ": the inference lost its lease and stopped");
      case LIMIT -> fail(running, running.stoppedSentence());
      case NONE -> fail(running, "Inference Error: the model stopped before its last image");
    }
  }

  /** Fails a run that its lane gave up on (hung inside an image past its limit); its late writes are discarded. */
  void abandon(RunningInference running) {
    fail(running, running.stoppedSentence());
  }

  private void fail(RunningInference running, String reason) {
    Inferences.Claimed job = running.job();
    finish(job, inferences.fail(job.id(), running.owner(), reason, running.chargedSeconds()));
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
    private final RunningInference running;
    private final BooleanSupplier keepGoing;
    private long lastWrite = System.nanoTime();
    private volatile Stop stop = Stop.NONE;

    Watch(RunningInference running, BooleanSupplier keepGoing) {
      this.running = running;
      this.keepGoing = keepGoing;
    }

    @Override
    public boolean imageDone(int done, int total) {
      long now = System.nanoTime();
      running.imageDone(done, total);
      if (!keepGoing.getAsBoolean()) {
        stop = Stop.SHUTDOWN;
      } else if (done < total && running.pastLimit(now)) { // the last image done is a finished run
        stop = Stop.LIMIT;
      } else if (now - lastWrite >= PROGRESS_EVERY_NANOS || done == total) {
        lastWrite = now;
        if (!inferences.progress(running.job().id(), running.owner(), "image " + done + " of " + total)) {
          stop = Stop.LEASE_LOST;
        }
      }
      return stop == Stop.NONE;
    }
  }
}
