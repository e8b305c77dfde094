package org.cellarena.model.train;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cellarena.model.runtime.ProgressBar;

/** The console during an epoch: the progress bar with the losses, lr and ETA, and notes above it. */
final class ProgressHook implements TrainHook {
  private final PrintStream out;
  private final ProgressBar bar;

  ProgressHook(PrintStream out) {
    this.out = out;
    this.bar = new ProgressBar(out);
  }

  @Override
  public void afterStep(TrainState s) {
    if (s.nonFinite != null && s.skipped == 1) {
      bar.note("skipped step " + s.iter + ": a non-finite gradient (first in " + s.nonFinite + ");"
          + " normal early in training, many in a row mean the learning rate is too high (optimizer.lr)");
    }
    Map<String, Float> shown = new LinkedHashMap<>(s.values);
    shown.put("lr", s.lr);
    double secondsPerIter = s.trainNanos / 1e9 / s.sessionIters;
    double eta = s.budget.limited() ? s.budget.secondsLeft(s.sessionIters, secondsPerIter)
        : ((long) (s.schedule.epochs() - s.epoch) * s.itersPerEpoch - s.it) * secondsPerIter;
    bar.update(s.epochLabel, s.it, s.epochIters, shown, s.imagesPerSecond(), eta, s.lastInEpoch);
  }

  @Override
  public void afterEpoch(TrainState s) {
    bar.finish();
    if (s.stoppedBy != null && !s.signalled()) {
      Training.log(out, s.stoppedBy + " stopped training at iteration " + s.iter + " (" + s.sessionIters + " of "
          + s.budget.maxIterations() + " in this run); validating and saving");
    }
  }
}
