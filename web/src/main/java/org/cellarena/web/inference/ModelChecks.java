package org.cellarena.web.inference;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.web.refusal.Refusal;

/**
 * The installed {@link ModelRunner}'s check of an uploaded model, before it is queued: at most a few at once
 * (a check loads the weights), each refusal a 400 with the runner's sentence.
 */
public final class ModelChecks {
  private static final Logger LOG = Logger.getLogger(ModelChecks.class.getName());
  /** Checks at once, in all: each may hold a model's weights in memory. */
  private static final int AT_ONCE = 2;
  private static final long WAIT_SECONDS = 30;

  private final ModelRunner runner;
  private final Semaphore slots = new Semaphore(AT_ONCE, true);

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
   * Checks an unpacked model (blocking).
   *
   * @throws Refusal 400 with the runner's sentence when it rejects the model; 503 when too many checks are
   *     under way
   */
  public ModelSummary check(Path modelDir) {
    requireRunner();
    try {
      if (!slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new Refusal(Refusal.Reason.BUSY, "too many models are being checked at once; try again in a minute",
            60);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refusal(Refusal.Reason.BUSY, "the server is stopping; try again later", 60);
    }
    try {
      return runner.check(modelDir);
    } catch (ModelRejectedException e) {
      throw Refusal.badRequest("Model Load Error: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw Refusal.badRequest("Out Of Memory: the model does not fit in the memory of the server's check");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the model runner failed on a check", e);
      throw Refusal.badRequest("Model Load Error: the model could not be checked (" + e + ")");
    } finally {
      slots.release();
    }
  }
}
