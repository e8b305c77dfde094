package org.cellarena.model.config;

/**
 * mmdet's SGD schedule: linear warm-up over {@code warmupIters} from {@code warmupRatio * lr}, then step decay by
 * {@code gamma} at the epochs in {@code steps} (of {@code epochs}).
 *
 * <p>Under a time budget the same schedule is laid over the budget instead of the epochs: the decays come at the
 * fractions {@code step / epochs} of the budget and the warm-up ends after {@code warmupIters} or
 * {@link #WARMUP_BUDGET_FRACTION} of the budget, whichever comes first. So a slow machine, which gets few
 * iterations, still warms up briefly and anneals before the budget ends, and a fast one is not stopped by its epochs.
 */
public record Schedule(float lr, float momentum, float weightDecay, float gradClip, int warmupIters,
    float warmupRatio, int[] steps, float gamma, int epochs) {

  /** The longest warm-up under a time budget, as a fraction of the budget. */
  public static final double WARMUP_BUDGET_FRACTION = 0.05;

  /** Learning rate at iteration {@code iter} (global) and fractional epoch {@code epochProgress}. */
  public float lr(long iter, double epochProgress) {
    return lr(epochProgress, warmupIters == 0 ? 1 : (double) iter / warmupIters);
  }

  /** Learning rate at iteration {@code iter} (of this run) when {@code budgetFraction} (0..1) of the budget is spent. */
  public float lrInBudget(long iter, double budgetFraction) {
    double warmup = Math.max(warmupIters == 0 ? 1 : (double) iter / warmupIters, budgetFraction / WARMUP_BUDGET_FRACTION);
    return lr(budgetFraction * epochs, warmup);
  }

  /** @param warmupProgress 0 at the start of the warm-up, 1 (or more) once it is over */
  private float lr(double epochProgress, double warmupProgress) {
    int decays = 0;
    for (int s : steps) {
      if (epochProgress >= s) {
        decays++;
      }
    }
    float base = lr * (float) Math.pow(gamma, decays);
    if (warmupProgress < 1) {
      double k = (1 - warmupProgress) * (1 - warmupRatio);
      return base * (float) (1 - k);
    }
    return base;
  }

  /** The fractional epoch of the last step decay: from there on the learning rate is final (0 without steps). */
  public double lastStep() {
    int last = 0;
    for (int s : steps) {
      last = Math.max(last, s);
    }
    return last;
  }
}
