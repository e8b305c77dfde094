package org.cellarena.model.roi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.backbone.ConvNorm;
import org.cellarena.model.layers.LazyBlock;

/**
 * mmdet's {@code Shared4Conv1FCBBoxHead}: convs of 3x3 conv-norm-ReLU on the 7x7 RoI features, flatten, one FC +
 * ReLU, then class logits ({@code classes + 1}, background last) and class-specific deltas ({@code 4 * classes}).
 */
public final class BoxHead extends LazyBlock {
  private final List<ConvNorm> convs = new ArrayList<>();
  private final Linear fc;
  private final Linear cls;
  private final Linear reg;

  public BoxHead(int numConvs, int convChannels, int fcChannels, int classes, String norm) {
    for (int i = 0; i < numConvs; i++) {
      convs.add(addChildBlock("conv" + i, new ConvNorm(convChannels, 3, 1, 1, norm, true)));
    }
    fc = addChildBlock("fc", Linear.builder().setUnits(fcChannels).build());
    cls = addChildBlock("cls", Linear.builder().setUnits(classes + 1).build());
    reg = addChildBlock("reg", Linear.builder().setUnits(4L * classes).build());
    cls.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
    reg.setInitializer(new NormalInitializer(0.001f), Parameter.Type.WEIGHT);
  }

  /** Input {@code (R, C, 7, 7)}; output class logits {@code (R, K+1)} and deltas {@code (R, 4K)}. */
  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDArray x = in.head();
    for (ConvNorm c : convs) {
      x = c.forward(ps, new NDList(x), training).head();
    }
    x = x.reshape(x.getShape().get(0), -1);
    x = Activation.relu(fc.forward(ps, new NDList(x), training).head());
    NDList h = new NDList(x);
    return new NDList(cls.forward(ps, h, training).head(), reg.forward(ps, h, training).head());
  }
}
