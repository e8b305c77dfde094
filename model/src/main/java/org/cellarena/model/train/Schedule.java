package org.cellarena.model.train;

/**
 * mmdet's SGD schedule: linear warm-up over {@code warmupIters} from {@code warmupRatio * lr}, then step decay by
 * {@code gamma} at the epochs in {@code steps}. Training progress is measured in epochs, or, with a time budget,
 * by whichever is further along: epochs done or the fraction of the budget spent (so the decays still happen when
 * the budget ends a run early).
 */
public record Schedule(float lr, float momentum, float weightDecay, float gradClip, int warmupIters,
    float warmupRatio, int[] steps, float gamma, int epochs) {

  /** Learning rate at iteration {@code iter} (global) and fractional epoch {@code epochProgress}. */
  public float lr(long iter, double epochProgress) {
    int decays = 0;
    for (int s : steps) {
      if (epochProgress >= s) {
        decays++;
      }
    }
    float base = lr * (float) Math.pow(gamma, decays);
    if (iter < warmupIters) {
      float k = (1f - (float) iter / warmupIters) * (1f - warmupRatio);
      return base * (1f - k);
    }
    return base;
  }
}
