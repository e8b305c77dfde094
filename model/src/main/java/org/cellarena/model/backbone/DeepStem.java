package org.cellarena.model.backbone;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.cellarena.model.layers.LazyBlock;

/** ResNeSt deep stem: three 3x3 conv-norm-ReLU (the first strided, widths C/2, C/2, C), then 3x3/2 max pool. */
public final class DeepStem extends LazyBlock {
  private final ConvNorm conv1;
  private final ConvNorm conv2;
  private final ConvNorm conv3;

  public DeepStem(int channels, String norm) {
    conv1 = addChildBlock("conv1", new ConvNorm(channels / 2, 3, 2, 1, norm, true));
    conv2 = addChildBlock("conv2", new ConvNorm(channels / 2, 3, 1, 1, norm, true));
    conv3 = addChildBlock("conv3", new ConvNorm(channels, 3, 1, 1, norm, true));
  }

  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDList x = conv3.forward(ps, conv2.forward(ps, conv1.forward(ps, in, training), training), training);
    return new NDList(Pool.maxPool2d(x.head(), new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false));
  }
}
