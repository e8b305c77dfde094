package org.cellarena.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.cellarena.model.layers.LazyBlock;

/**
 * ResNeSt bottleneck (mmdet {@code resnest.Bottleneck}, groups 1, base width 64): 1x1 reduce, split-attention 3x3,
 * avd average pool when strided, 1x1 expand x4 (its norm's gamma zero-initialised), shortcut with avg-down, ReLU.
 */
public final class Bottleneck extends LazyBlock {
  private final ConvNorm conv1;
  private final SplitAttentionConv conv2;
  private final ConvNorm conv3;
  private final ConvNorm downsample;
  private final int stride;
  private final boolean avd;

  public Bottleneck(int inplanes, int planes, int stride, int radix, int reduction, boolean avd, String norm) {
    this.stride = stride;
    this.avd = avd && stride > 1;
    conv1 = addChildBlock("conv1", new ConvNorm(planes, 1, 1, 1, norm, true));
    conv2 = addChildBlock("conv2", new SplitAttentionConv(planes, this.avd ? 1 : stride, radix, reduction, norm));
    conv3 = addChildBlock("conv3", new ConvNorm(planes * 4, 1, 1, 1, norm, false));
    conv3.norm().setInitializer(Initializer.ZEROS, Parameter.Type.GAMMA);
    boolean needsDown = stride != 1 || inplanes != planes * 4;
    downsample = needsDown ? addChildBlock("downsample", new ConvNorm(planes * 4, 1, 1, 1, norm, false)) : null;
  }

  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDArray x = in.head();
    NDArray out = conv2.forward(ps, conv1.forward(ps, in, training), training).head();
    if (avd) {
      out = Pool.avgPool2d(out, new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1), false, true);
    }
    out = conv3.forward(ps, new NDList(out), training).head();
    NDArray identity = x;
    if (downsample != null) {
      NDArray d = stride > 1
          ? Pool.avgPool2d(x, new Shape(stride, stride), new Shape(stride, stride), new Shape(0, 0), true, false)
          : x;
      identity = downsample.forward(ps, new NDList(d), training).head();
    }
    return new NDList(Activation.relu(out.add(identity)));
  }
}
