package org.cellarena.web.inference;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.web.refusal.Refusal;

/**
 * The installed {@link ModelRunner}'s check of an uploaded model, before it is queued: at most a few at once
 * (a check loads the weights), and one per team, none waiting; each refusal a 400 with the runner's sentence.
 */
public final class ModelChecks {
  private static final Logger LOG = Logger.getLogger(ModelChecks.class.getName());
  /** Checks at once, in all: each may hold a model's weights in memory. */
  private static final int AT_ONCE = 2;
  private static final long RETRY_SECONDS = 60;

  private final ModelRunner runner;
  private final Semaphore slots = new Semaphore(AT_ONCE);
  private final Set<Long> teams = ConcurrentHashMap.newKeySet();

  /** @param runner the installed runner, or null when none is (model uploads are refused) */
  public ModelChecks(ModelRunner runner) {
    this.runner = runner;
  }

  /** The runner, if one is installed. */
  public Optional<ModelRunner> runner() {
    return Optional.ofNullable(runner);
  }

  /** Refuses (503) when this server cannot run models; cheap, so it comes before the archive is read. */
  public void requireRunner() {
    if (runner == null) {
      throw new Refusal(Refusal.Reason.BUSY, "this server cannot run models: no model runner is installed (start "
          + "it with the cellarena launcher); ask the host");
    }
  }

  /**
   * Takes a check slot for a team's model, to unpack and check it in: at most {@value #AT_ONCE} in all and one
   * per team, with no wait (the caller holds a shared worker thread).
   *
   * @throws Refusal 503 (retry after a minute) when every slot is taken, 429 when the team's previous model is
   *     still being checked
   */
  public Slot slot(long teamId) {
    requireRunner();
    if (!teams.add(teamId)) {
      throw new Refusal(Refusal.Reason.TOO_MANY, "this team's previous model is still being checked; send one "
          + "model at a time", RETRY_SECONDS);
    }
    if (!slots.tryAcquire()) {
      teams.remove(teamId);
      throw new Refusal(Refusal.Reason.BUSY, "too many models are being checked at once; try again in a minute",
          RETRY_SECONDS);
    }
    return () -> {
      slots.release();
      teams.remove(teamId);
    };
  }

  /** A taken check slot; closing it frees it. */
  @FunctionalInterface
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Checks an unpacked model (blocking), in a {@link #slot} the caller holds.
   *
   * @throws Refusal 400 with the runner's sentence when it rejects the model
   */
  public ModelSummary check(Path modelDir) {
    requireRunner();
    try {
      return runner.check(modelDir);
    } catch (ModelRejectedException e) {
      throw Refusal.badRequest("Model Load Error: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw Refusal.badRequest("Out Of Memory: the model does not fit in the memory of the server's check");
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      LOG.log(Level.WARNING, "the model runner failed on a check", e);
      throw Refusal.badRequest("Model Load Error: the model could not be checked");
    }
  }
}
