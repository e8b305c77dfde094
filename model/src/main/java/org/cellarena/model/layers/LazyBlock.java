package org.cellarena.model.layers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A composite block that (1) lets its children initialise themselves on their first training forward pass (DJL
 * does that for every block whose parameters are not yet initialised; {@code MaskRcnn#initializeParameters} runs
 * that pass on a small dummy input), and (2) runs its forward pass in a scoped NDManager: every intermediate array
 * is released when the block returns, only the outputs move to the caller's manager. Autograd keeps its own
 * references to what the backward pass needs, so this frees exactly what PyTorch would free, where DJL would
 * otherwise hold every intermediate until the iteration's manager closes.
 */
public abstract class LazyBlock extends AbstractBlock {

  @Override
  protected final NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
      PairList<String, Object> params) {
    NDManager parent = in.head().getManager();
    try (NDManager scope = parent.newSubManager()) {
      in.tempAttach(scope);
      NDList out = forwardScoped(ps, in, training, params);
      out.attach(parent);
      return out;
    }
  }

  /** The forward pass proper; everything it creates is released on return except its outputs. */
  protected abstract NDList forwardScoped(ParameterStore ps, NDList in, boolean training,
      PairList<String, Object> params);

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // children initialise lazily on their own first forward pass
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " computes its output shapes by running");
  }

  /** Learnable parameters (BatchNorm running statistics excluded), the number torchvision reports. */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : getParameters().values()) {
      if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
        n += p.getArray().getShape().size();
      }
    }
    return n;
  }
}
