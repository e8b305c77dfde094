package org.cellarena.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.cellarena.model.layers.LazyBlock;

/** Convolution (no bias) followed by a normalisation layer and, optionally, ReLU. */
public final class ConvNorm extends LazyBlock {
  private final Block conv;
  private final Block norm;
  private final boolean relu;

  public ConvNorm(int out, int kernel, int stride, int groups, String normKind, boolean relu) {
    conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2))
        .optGroups(groups).optBias(false).setFilters(out).build());
    norm = addChildBlock("norm", Norms.create(normKind, out));
    this.relu = relu;
  }

  /** The normalisation layer (its gamma is zero-initialised on the last conv of a bottleneck). */
  public Block norm() {
    return norm;
  }

  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDArray x = norm.forward(ps, conv.forward(ps, in, training), training).head();
    return new NDList(relu ? Activation.relu(x) : x);
  }
}
