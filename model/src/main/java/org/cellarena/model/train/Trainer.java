package org.cellarena.model.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.BatchLoader;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.Split;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.runtime.StopSignal;

/**
 * The training loop: epochs of SGD steps on background-loaded batches (a fresh NDManager per iteration, so memory
 * stays flat), with hooks after each step and at each epoch's end (see {@link TrainHook}). Under a budget the
 * budget, not the epochs, ends the run; an epoch the budget cuts short is the last.
 */
final class Trainer {
  private static final int MAX_SKIPPED = 20;

  private final MaskRcnn model;
  private final NDManager root;
  private final Sgd sgd;
  private final List<Pair<String, Parameter>> params;
  private final Dataset dataset;
  private final Split split;
  private final TrainConfig config;
  private final TrainState state;
  private final List<TrainHook> hooks;

  Trainer(MaskRcnn model, NDManager root, Sgd sgd, Dataset dataset, Split split, TrainConfig config,
      TrainState state, List<TrainHook> hooks) {
    this.model = model;
    this.root = root;
    this.sgd = sgd;
    this.params = model.getParameters().stream().collect(Collectors.toList());
    this.dataset = dataset;
    this.split = split;
    this.config = config;
    this.state = state;
    this.hooks = hooks;
  }

  TrainState train() throws IOException {
    TrainState s = state;
    for (s.epoch = s.startEpoch; (s.budget.limited() || s.epoch < s.schedule.epochs()) && s.complete
        && s.stoppedBy == null && !s.budget.spent(s.sessionIters); s.epoch++) {
      runEpoch();
      if (endEpoch()) {
        break;
      }
    }
    return s;
  }

  private void runEpoch() throws IOException {
    TrainState s = state;
    s.it = 0;
    s.epochIters = s.budget.byIterations()
        ? Math.min(s.itersPerEpoch, s.budget.maxIterations() - s.sessionIters) : s.itersPerEpoch;
    s.epochLabel = epochLabel(s.epoch, s.startEpoch, s.itersPerEpoch, s.schedule.epochs(), s.budget);
    for (TrainHook h : hooks) {
      h.beforeEpoch(s);
    }
    try (BatchLoader loader = new BatchLoader(dataset, split.train(), config.data(), true,
        config.seed() * 7919 + s.epoch)) {
      while (loader.hasNext()) {
        if (StopSignal.requested()) {
          s.stoppedBy = "a stop signal";
          break;
        }
        step(loader.next());
        s.lastInEpoch = !loader.hasNext() || s.budget.spent(s.sessionIters);
        for (TrainHook h : hooks) {
          h.afterStep(s);
        }
        if (s.budget.spent(s.sessionIters)) {
          if (!s.budget.iterationsDone(s.sessionIters) && s.budget.byIterations()) {
            s.stoppedBy = s.budget.capName();
          }
          break;
        }
      }
    }
  }

  private void step(Batch batch) {
    TrainState s = state;
    long t0 = System.nanoTime();
    s.lr = s.budget.limited() ? s.schedule.lrInBudget(s.sessionIters, s.budget.fractionSpent(s.sessionIters))
        : s.schedule.lr(s.iter, s.epoch + (double) s.it / s.itersPerEpoch);
    s.values = Training.step(model, root, sgd, params, batch, s.lr, new Random(config.seed() * 31 + s.iter));
    s.trainNanos += System.nanoTime() - t0;
    s.images += batch.size();
    s.iter++;
    s.it++;
    s.sessionIters++;
    s.nonFinite = s.values.remove("skipped") != null ? sgd.nonFinite() : null;
    if (s.nonFinite != null && ++s.skipped > MAX_SKIPPED) {
      throw new IllegalStateException("more than 20 iterations with non-finite gradients; lower optimizer.lr");
    }
  }

  /** Runs the epoch's end hooks (validation, checkpoint, curve); true when a stop signal ends the run here. */
  private boolean endEpoch() throws IOException {
    TrainState s = state;
    s.complete = s.it == s.itersPerEpoch;
    s.lastEpoch = s.epoch + 1;
    s.checkpoint = new JsonObject();
    s.checkpoint.addProperty("epoch", s.lastEpoch);
    s.checkpoint.addProperty("complete", s.complete);
    s.checkpoint.addProperty("iterations_in_epoch", s.it);
    s.checkpoint.addProperty("iter", s.iter);
    s.validated = false;
    long v0 = System.nanoTime();
    for (TrainHook h : hooks) {
      h.afterEpoch(s);
    }
    if (s.signalled()) {
      return true;
    }
    long spentSaving = System.nanoTime() - v0;
    s.validationNanos += spentSaving;
    if (s.validated) {
      s.budget.reserve(spentSaving);
    }
    return false;
  }

  /**
   * "epoch 3/12"; under a budget of iterations "epoch 3/5", the epochs they make; under minutes alone "epoch 3":
   * a total that does not change while the run goes on.
   */
  static String epochLabel(int epoch, int startEpoch, int itersPerEpoch, int maxEpochs, Budget budget) {
    if (budget.byIterations()) {
      return "epoch " + (epoch + 1) + "/" + (startEpoch + (budget.maxIterations() + itersPerEpoch - 1) / itersPerEpoch);
    }
    return budget.timed() ? "epoch " + (epoch + 1) : "epoch " + (epoch + 1) + "/" + maxEpochs;
  }
}
