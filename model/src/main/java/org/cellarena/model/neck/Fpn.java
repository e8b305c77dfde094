package org.cellarena.model.neck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.layers.LazyBlock;

/**
 * Feature pyramid (mmdet {@code FPN}, 5 outputs): 1x1 laterals with bias to C channels, top-down nearest 2x
 * upsampling and addition, 3x3 output convs, and P6 as a stride-2 1x1 max pool of P5. Input C2..C5, output P2..P6.
 * Inputs are padded to a multiple of 32, so each level is exactly twice the next.
 */
public final class Fpn extends LazyBlock {
  private final List<Block> laterals = new ArrayList<>();
  private final List<Block> outputs = new ArrayList<>();

  public Fpn(int levels, int channels) {
    for (int i = 0; i < levels; i++) {
      laterals.add(addChildBlock("lateral" + i, Conv2d.builder().setKernelShape(new Shape(1, 1))
          .setFilters(channels).build()));
      outputs.add(addChildBlock("fpn" + i, Conv2d.builder().setKernelShape(new Shape(3, 3))
          .optPadding(new Shape(1, 1)).setFilters(channels).build()));
    }
  }

  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    int n = laterals.size();
    NDArray[] lat = new NDArray[n];
    for (int i = 0; i < n; i++) {
      lat[i] = laterals.get(i).forward(ps, new NDList(in.get(i)), training).head();
    }
    for (int i = n - 1; i > 0; i--) {
      lat[i - 1] = lat[i - 1].add(upsample2x(lat[i]));
    }
    NDList out = new NDList();
    for (int i = 0; i < n; i++) {
      out.add(outputs.get(i).forward(ps, new NDList(lat[i]), training).head());
    }
    out.add(Pool.maxPool2d(out.get(n - 1), new Shape(1, 1), new Shape(2, 2), new Shape(0, 0), false));
    return out;
  }

  /** Nearest-neighbour 2x upsampling of {@code (N, C, H, W)}. */
  static NDArray upsample2x(NDArray x) {
    return x.repeat(2, 2).repeat(3, 2);
  }
}
