package org.cellarena.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.cellarena.model.layers.LazyBlock;

/**
 * ResNeSt's split-attention 3x3 convolution (mmdet {@code SplitAttentionConv2d}, groups 1): a grouped conv to
 * {@code radix * C}, then attention over the radix splits from their pooled sum (fc1, norm, ReLU, fc2, rSoftmax),
 * output the attention-weighted sum of the splits.
 */
public final class SplitAttentionConv extends LazyBlock {
  private final int channels;
  private final int radix;
  private final ConvNorm conv;
  private final Block fc1;
  private final Block norm1;
  private final Block fc2;

  public SplitAttentionConv(int channels, int stride, int radix, int reductionFactor, String normKind) {
    this.channels = channels;
    this.radix = radix;
    int inter = Math.max(channels * radix / reductionFactor, 32);
    conv = addChildBlock("conv", new ConvNorm(channels * radix, 3, stride, radix, normKind, true));
    fc1 = addChildBlock("fc1", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(inter).build());
    norm1 = addChildBlock("norm1", Norms.create(normKind, inter));
    fc2 = addChildBlock("fc2", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(channels * radix).build());
  }

  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDArray x = conv.forward(ps, in, training).head();
    Shape s = x.getShape();
    long b = s.get(0);
    NDArray splits = radix > 1 ? x.reshape(b, radix, channels, s.get(2), s.get(3)) : null;
    NDArray gap = Pool.globalAvgPool2d(radix > 1 ? splits.sum(new int[] {1}) : x).reshape(b, channels, 1, 1);
    NDArray h = Activation.relu(norm1.forward(ps, fc1.forward(ps, new NDList(gap), training), training).head());
    NDArray att = fc2.forward(ps, new NDList(h), training).head();
    if (radix == 1) {
      return new NDList(x.mul(Activation.sigmoid(att)));
    }
    att = att.reshape(b, radix, channels).softmax(1).reshape(b, radix, channels, 1, 1);
    return new NDList(splits.mul(att).sum(new int[] {1}));
  }
}
