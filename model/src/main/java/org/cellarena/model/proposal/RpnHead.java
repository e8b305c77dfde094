package org.cellarena.model.proposal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.cellarena.model.layers.LazyBlock;

/**
 * RPN head shared by all levels: 3x3 conv + ReLU, then a 1x1 objectness conv (A logits) and a 1x1 delta conv (4A),
 * weights N(0, 0.01). Input: the pyramid levels; output: objectness {@code (B, N)} and deltas {@code (B, N, 4)}
 * with the levels concatenated and anchors ordered {@code (y * W + x) * A + a}.
 */
public final class RpnHead extends LazyBlock {
  private final Conv2d conv;
  private final Conv2d cls;
  private final Conv2d reg;

  public RpnHead(int channels, int anchors) {
    conv = addChildBlock("rpn_conv", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
        .setFilters(channels).build());
    cls = addChildBlock("rpn_cls", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(anchors).build());
    reg = addChildBlock("rpn_reg", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(4 * anchors).build());
    setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
  }

  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList levels, boolean training, PairList<String, Object> p) {
    NDList logits = new NDList();
    NDList deltas = new NDList();
    for (NDArray x : levels) {
      NDArray h = Activation.relu(conv.forward(ps, new NDList(x), training).head());
      long b = x.getShape().get(0);
      logits.add(cls.forward(ps, new NDList(h), training).head().transpose(0, 2, 3, 1).reshape(b, -1));
      deltas.add(reg.forward(ps, new NDList(h), training).head().transpose(0, 2, 3, 1).reshape(b, -1, 4));
    }
    return new NDList(NDArrays.concat(logits, 1), NDArrays.concat(deltas, 1));
  }

  private static final class NDArrays {
    static NDArray concat(NDList list, int axis) {
      return list.size() == 1 ? list.head() : ai.djl.ndarray.NDArrays.concat(list, axis);
    }
  }
}
