package org.cellarena.model;

import ai.djl.ndarray.NDArray;

/** Loss functions on NDArrays, written from elementary ops so they differentiate in the engine. */
public final class Losses {
  private Losses() {}

  /** Sum of binary cross-entropy with logits: {@code max(x,0) - x*z + log(1 + exp(-|x|))}. */
  public static NDArray bceWithLogitsSum(NDArray logits, NDArray targets) {
    NDArray pos = logits.maximum(0f);
    NDArray soft = logits.abs().neg().exp().add(1f).log();
    return pos.sub(logits.mul(targets)).add(soft).sum();
  }

  /** Sum of absolute differences. */
  public static NDArray l1Sum(NDArray pred, NDArray target) {
    return pred.sub(target).abs().sum();
  }

  /** Sum over rows of the softmax cross-entropy of {@code logits (R, K)} at flat indices {@code r*K + label}. */
  public static NDArray crossEntropySum(NDArray logits, NDArray flatLabelIndex) {
    NDArray logp = logits.logSoftmax(1).reshape(-1);
    return logp.get(new ai.djl.ndarray.index.NDIndex("{}", flatLabelIndex)).sum().neg();
  }
}
