package org.cellarena.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.cellarena.model.layers.LazyBlock;

/**
 * A 2x2 stride-2 transposed convolution (DJL's PyTorch engine has none), exactly: a 1x1 conv to 4C (channel
 * {@code c*4 + a*2 + b} holds output offset {@code (a, b)} of channel {@code c}), reshape to
 * {@code (N, C, 2, 2, H, W)}, permute to {@code (N, C, H, 2, W, 2)}, reshape to {@code (N, C, 2H, 2W)}, plus a
 * per-channel bias (shaped {@code (C, 1, 1)}). The transposed conv's weight {@code Wt[ci, co, a, b]} is this conv's
 * {@code W[co*4 + a*2 + b, ci]}.
 */
public final class TransposedConv2x2 extends LazyBlock {
  private final int channels;
  private final Conv2d conv;
  private final Parameter bias;

  public TransposedConv2x2(int channels) {
    this.channels = channels;
    conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(1, 1)).optBias(false)
        .setFilters(4 * channels).build());
    bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
        .optShape(new Shape(channels, 1, 1)).build());
  }

  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDArray x = in.head();
    Shape s = x.getShape();
    long n = s.get(0), h = s.get(2), w = s.get(3);
    NDArray y = conv.forward(ps, in, training).head().reshape(n, channels, 2, 2, h, w)
        .transpose(0, 1, 4, 2, 5, 3).reshape(n, channels, 2 * h, 2 * w);
    return new NDList(y.add(ps.getValue(bias, x.getDevice(), training)));
  }
}
