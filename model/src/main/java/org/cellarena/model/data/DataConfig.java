package org.cellarena.model.data;

import java.util.List;

/**
 * The data pipeline's settings: training scales ({@code [long, short]} pairs, one chosen per image, keep-ratio),
 * test scale, flip probabilities, photometric distortion, batch size, loader threads, and the class names (one
 * class "cell", or the cell types).
 */
public record DataConfig(List<int[]> trainScales, int[] testScale, float flipHorizontal, float flipVertical,
    boolean photometric, int batchSize, int workers, List<String> classes) {

  /** Class index of a cell of this type: 0 with a single class, else its index among {@link #classes}. */
  public int label(String cellType) {
    if (classes.size() == 1) {
      return 0;
    }
    int i = classes.indexOf(cellType);
    if (i < 0) {
      throw new IllegalArgumentException("cell type '" + cellType + "' is not among the classes " + classes);
    }
    return i;
  }
}
