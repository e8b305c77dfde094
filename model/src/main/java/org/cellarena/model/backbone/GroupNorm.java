package org.cellarena.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * GroupNorm (DJL's PyTorch engine has none): reshape to {@code (N, G, C/G*H*W)}, mean and variance over the last
 * axis only (a mean over several axes throws in the engine), normalise, then a per-channel affine transform (gamma and beta
 * shaped {@code (C, 1, 1)} so they broadcast without a reshape).
 */
public final class GroupNorm extends AbstractBlock {
  private final int groups;
  private final float eps;
  private final Parameter gamma;
  private final Parameter beta;

  public GroupNorm(int groups, int channels) {
    this.groups = groups;
    this.eps = 1e-5f;
    gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
        .optShape(new Shape(channels, 1, 1)).build());
    beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
        .optShape(new Shape(channels, 1, 1)).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
    NDArray x = inputs.head();
    Shape s = x.getShape();
    NDArray g = x.reshape(s.get(0), groups, -1);
    NDArray mean = g.mean(new int[] {2}, true);
    NDArray centred = g.sub(mean);
    NDArray var = centred.square().mean(new int[] {2}, true);
    NDArray norm = centred.div(var.add(eps).sqrt()).reshape(s);
    NDArray w = ps.getValue(gamma, x.getDevice(), training);
    NDArray b = ps.getValue(beta, x.getDevice(), training);
    return new NDList(norm.mul(w).add(b));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
