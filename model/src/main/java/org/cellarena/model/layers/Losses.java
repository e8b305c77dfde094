package org.cellarena.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Loss functions on NDArrays, written from elementary ops so they differentiate in the engine.
 *
 * <p>No op here takes a Java number as an operand where the backward pass needs it: DJL turns such a number into
 * a temporary array borrowing Java memory and closes it right after the op, while autograd keeps reading it (a
 * division by a freed scalar gave random infinite gradients). Constants are arrays in the caller's manager instead.
 */
public final class Losses {
  private Losses() {}

  /** {@code x / d} with {@code d} as an array that lives as long as {@code x}'s manager. */
  public static NDArray divide(NDArray x, float d) {
    return x.div(x.getManager().create(d));
  }

  /**
   * Elementwise binary cross-entropy with logits: {@code max(x, 0) - x*z + log(1 + exp(-|x|))}. {@code max(x, 0)} is
   * written {@code (x + |x|) / 2}, the same value: the engine differentiates {@code relu} and {@code |x|} as 0 at
   * {@code x = 0}, which with {@code relu} made the gradient there {@code -z} instead of {@code sigmoid(0) - z}.
   */
  private static NDArray bce(NDArray logits, NDArray targets) {
    NDArray soft = logits.abs().neg().exp().add(1f).log();
    NDArray positivePart = divide(logits.add(logits.abs()), 2f);
    return positivePart.sub(logits.mul(targets)).add(soft);
  }

  /** Sum of binary cross-entropy with logits. */
  public static NDArray bceWithLogitsSum(NDArray logits, NDArray targets) {
    return bce(logits, targets).sum();
  }

  /** Sum of absolute differences. */
  public static NDArray l1Sum(NDArray pred, NDArray target) {
    return pred.sub(target).abs().sum();
  }

  /** Sum over rows of the softmax cross-entropy of {@code logits (R, K)} at flat indices {@code r*K + label}. */
  public static NDArray crossEntropySum(NDArray logits, NDArray flatLabelIndex) {
    NDArray logp = logits.logSoftmax(1).reshape(-1);
    return logp.get(new NDIndex("{}", flatLabelIndex)).sum().neg();
  }
}
