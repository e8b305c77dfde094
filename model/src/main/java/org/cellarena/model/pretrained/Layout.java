package org.cellarena.model.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** How a source tensor's layout maps onto one of our parameters. */
public enum Layout {
  /** The same shape and order. */
  SAME,
  /**
   * A {@code ConvTranspose2d(C_in, C, 2, stride 2)} weight {@code [C_in, C, 2, 2]} into our
   * {@code TransposedConv2x2}'s 1x1 conv {@code [4C, C_in, 1, 1]}: {@code W[c*4 + a*2 + b, ci] = Wt[ci, c, a, b]}.
   */
  TRANSPOSED_CONV_WEIGHT,
  /** A per-channel bias {@code [C]} into our {@code [C, 1, 1]}. */
  CHANNEL_BIAS;

  /** The shape the source must have for a parameter of shape {@code ours}. */
  public Shape sourceShape(Shape ours) {
    return switch (this) {
      case SAME -> ours;
      case TRANSPOSED_CONV_WEIGHT -> new Shape(ours.get(1), ours.get(0) / 4, 2, 2);
      case CHANNEL_BIAS -> new Shape(ours.get(0));
    };
  }

  /** The source tensor rearranged into our layout. */
  public NDArray toOurs(NDArray source, Shape ours) {
    return switch (this) {
      case SAME -> source;
      case TRANSPOSED_CONV_WEIGHT -> source.transpose(1, 2, 3, 0).reshape(ours);
      case CHANNEL_BIAS -> source.reshape(ours);
    };
  }
}
