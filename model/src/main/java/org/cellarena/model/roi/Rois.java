package org.cellarena.model.roi;

import java.util.List;
import org.cellarena.model.structures.FlatArrays;

/** The RoIs of a batch: their boxes {@code (x1, y1, x2, y2)} image after image, and the image of each. */
public record Rois(float[] boxes, int[] images) {

  /** The boxes of each image of a batch, in batch order. */
  public static Rois of(List<float[]> boxesPerImage) {
    int[][] images = new int[boxesPerImage.size()][];
    for (int i = 0; i < images.length; i++) {
      images[i] = new int[boxesPerImage.get(i).length / 4];
      java.util.Arrays.fill(images[i], i);
    }
    return new Rois(FlatArrays.concat(boxesPerImage.toArray(new float[0][])), FlatArrays.concat(images));
  }

  public int size() {
    return images.length;
  }
}
