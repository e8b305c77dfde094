package org.cellarena.model.data;

import java.util.List;
import java.util.Map;

/**
 * The data pipeline's settings: training scales ({@code [long, short]} pairs, one chosen per image, keep-ratio),
 * test scale, flip probabilities, photometric distortion, batch size, loader threads, the class names (one
 * class "cell", or the cell types), an optional random crop {@code [width, height]} in original pixels taken
 * before the training resize ({@code null}: the whole image), and how many times each training image is drawn
 * per epoch ({@code repeat}, mmdet's {@code RepeatDataset}; with crops each draw is a different window), and
 * whether the test pipeline adds flipped passes ({@code test_flip}, mmdet's {@code MultiScaleFlipAug} with
 * horizontal and vertical flips: validation tunes the thresholds with them and {@code predict} uses them), and
 * {@code cell_type_repeat}: a factor on {@code repeat} for the images of a cell type, so a type with few cells per
 * image (astro) is drawn more often (as LVIS's repeat-factor sampling does for rare categories).
 */
public record DataConfig(List<int[]> trainScales, int[] testScale, float flipHorizontal, float flipVertical,
    boolean photometric, int batchSize, int workers, List<String> classes, int[] randomCrop, int repeat,
    boolean testFlip, Map<String, Float> cellTypeRepeat) {

  public DataConfig(List<int[]> trainScales, int[] testScale, float flipHorizontal, float flipVertical,
      boolean photometric, int batchSize, int workers, List<String> classes) {
    this(trainScales, testScale, flipHorizontal, flipVertical, photometric, batchSize, workers, classes, null, 1,
        false, Map.of());
  }

  /** How many times a training image of this cell type is drawn per epoch: {@code repeat} times its factor. */
  public int draws(String cellType) {
    return Math.max(1, Math.round(repeat * cellTypeRepeat.getOrDefault(cellType, 1f)));
  }

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
