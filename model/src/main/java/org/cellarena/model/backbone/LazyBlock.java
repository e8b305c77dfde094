package org.cellarena.model.backbone;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * A composite block whose children initialise themselves on their first training forward pass (DJL does that for
 * every block whose parameters are not yet initialised), so a composite never has to derive its children's input
 * shapes by hand. {@code MaskRcnn#initialize} runs that first pass on a small dummy input.
 */
public abstract class LazyBlock extends AbstractBlock {

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // children initialise lazily on their own first forward pass
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " computes its output shapes by running");
  }
}
