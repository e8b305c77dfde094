package org.cellarena.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's SGD with momentum and weight decay ({@code d = g + wd * w; v = m * v + d; w -= lr * v}), optional
 * gradient-norm clipping, gradients zeroed after each step. Temporaries live in a per-step manager; the gradient
 * norm reaches the host in one transfer per step.
 */
public final class Sgd {
  private final NDManager manager;
  private final float momentum;
  private final float weightDecay;
  private final float clipNorm;
  private final Map<String, NDArray> velocity = new LinkedHashMap<>();

  public Sgd(NDManager manager, float momentum, float weightDecay, float clipNorm) {
    this.manager = manager;
    this.momentum = momentum;
    this.weightDecay = weightDecay;
    this.clipNorm = clipNorm;
  }

  /** Name of the first parameter whose gradient was not finite in the last {@link #step}, or null. */
  private String nonFinite;

  public String nonFinite() {
    return nonFinite;
  }

  /**
   * One update of every parameter that has a gradient; returns the gradient norm before clipping. A step whose
   * gradient is not finite is skipped (gradients zeroed, parameters untouched, {@link #nonFinite} set).
   */
  public float step(List<Pair<String, Parameter>> params, float lr) {
    nonFinite = null;
    try (NDManager tmp = manager.newSubManager()) {
      Map<String, NDArray> grads = new LinkedHashMap<>();
      NDList squares = new NDList();
      for (Pair<String, Parameter> p : params) {
        Parameter param = p.getValue();
        if (!param.requiresGradient()) {
          continue;
        }
        NDArray g = param.getArray().getGradient();
        g.attach(tmp);
        grads.put(p.getKey(), g);
        squares.add(g.square().sum());
      }
      // one transfer for all the squared norms: a device sync per parameter would stall a GPU hundreds of times
      float[] sums = squares.isEmpty() ? new float[0] : NDArrays.stack(squares).toFloatArray();
      double sq = 0;
      int i = 0;
      for (String name : grads.keySet()) {
        float s = sums[i++];
        if (!Float.isFinite(s) && nonFinite == null) {
          nonFinite = name;
        }
        sq += s;
      }
      float norm = (float) Math.sqrt(sq);
      if (nonFinite != null) {
        grads.values().forEach(Sgd::zero);
        return norm;
      }
      float scale = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6f) : 1f;
      for (Pair<String, Parameter> p : params) {
        NDArray g = grads.get(p.getKey());
        if (g == null) {
          continue;
        }
        NDArray w = p.getValue().getArray();
        NDArray d = g.mul(scale);
        NDArray decay = w.mul(weightDecay);
        decay.attach(tmp);
        d.addi(decay);
        NDArray v = velocity.get(p.getKey());
        if (v == null) {
          v = d.duplicate();
          v.attach(manager);
          velocity.put(p.getKey(), v);
        } else {
          v.muli(momentum).addi(d);
        }
        NDArray update = v.mul(lr);
        update.attach(tmp);
        w.subi(update);
        zero(g);
      }
      return norm;
    }
  }

  /** Zeroes a gradient in place (multiplying by 0 would keep NaN and turn infinity into NaN). */
  private static void zero(NDArray g) {
    g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
  }

  /** Momentum buffers, for checkpoints. */
  public NDList state() {
    NDList list = new NDList();
    velocity.forEach((k, v) -> {
      NDArray c = v.duplicate();
      c.setName(k);
      list.add(c);
    });
    return list;
  }

  /** Restores momentum buffers saved by {@link #state}. */
  public void load(NDList state) {
    for (NDArray a : state) {
      a.attach(manager);
      NDArray old = velocity.put(a.getName(), a);
      if (old != null) {
        old.close();
      }
    }
  }
}
