package org.cellarena.model.rcnn;

/**
 * A horizontal and/or vertical flip of an image {@code width x height}: boxes {@code (x1, y1, x2, y2)} map to
 * {@code (width - x2, ...)}, square masks (laid out row by row, one per box) mirror. A flip is its own inverse.
 */
public record Flip(boolean horizontal, boolean vertical) {
  public static final Flip NONE = new Flip(false, false);

  public float[] boxes(float[] boxes, float width, float height) {
    float[] out = boxes.clone();
    for (int i = 0; i + 3 < boxes.length; i += 4) {
      if (horizontal) {
        out[i] = width - boxes[i + 2];
        out[i + 2] = width - boxes[i];
      }
      if (vertical) {
        out[i + 1] = height - boxes[i + 3];
        out[i + 3] = height - boxes[i + 1];
      }
    }
    return out;
  }

  /** Mirrors each {@code size x size} mask of {@code masks}. */
  public float[] squares(float[] masks, int size) {
    float[] out = new float[masks.length];
    int cell = size * size;
    for (int m = 0; m < masks.length / cell; m++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          out[m * cell + y * size + x] =
              masks[m * cell + (vertical ? size - 1 - y : y) * size + (horizontal ? size - 1 - x : x)];
        }
      }
    }
    return out;
  }
}
