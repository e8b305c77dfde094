package org.cellarena.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.backbone.ConvNorm;
import org.cellarena.model.layers.LazyBlock;

/**
 * mmdet's {@code FCNMaskHead}: 3x3 conv-norm-ReLU layers on 14x14 RoI features, a 2x2 stride-2 transposed conv +
 * ReLU to 28x28, and a 1x1 conv to one mask logit map per class.
 */
public final class MaskHead extends LazyBlock {
  private final List<ConvNorm> convs = new ArrayList<>();
  private final TransposedConv2x2 upsample;
  private final Conv2d logits;

  public MaskHead(int numConvs, int channels, int classes, String norm) {
    for (int i = 0; i < numConvs; i++) {
      convs.add(addChildBlock("conv" + i, new ConvNorm(channels, 3, 1, 1, norm, true)));
    }
    upsample = addChildBlock("upsample", new TransposedConv2x2(channels));
    logits = addChildBlock("logits", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(classes).build());
  }

  /** Input {@code (R, C, 14, 14)}; output logits {@code (R, K, 28, 28)}. */
  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDArray x = in.head();
    for (ConvNorm c : convs) {
      x = c.forward(ps, new NDList(x), training).head();
    }
    x = Activation.relu(upsample.forward(ps, new NDList(x), training).head());
    return logits.forward(ps, new NDList(x), training);
  }
}
