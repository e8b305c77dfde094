package org.cellarena.model.roi;

import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.structures.FlatArrays;

/**
 * The R-CNN targets of a batch, each image's {@link RoiTargets.Targets} concatenated: all sampled RoIs with their
 * labels (for the classifier), and the positives among them with their box deltas and masks (for the box regressor
 * and the mask head).
 *
 * @param rois all sampled RoIs, each image's positives first
 * @param labels class of each RoI, {@code numClasses} for background
 * @param positiveRows the rows of {@code rois} that are positive
 * @param positives the positive RoIs (rows {@code positiveRows} of {@code rois})
 * @param deltas box delta targets of the positives, 4 per positive
 * @param masks mask targets of the positives, {@code maskSize x maskSize} per positive
 */
public record SampledRois(Rois rois, int[] labels, int[] positiveRows, Rois positives, float[] deltas,
    float[] masks) {

  public static SampledRois of(List<RoiTargets.Targets> perImage) {
    int b = perImage.size();
    List<float[]> rois = new ArrayList<>();
    List<float[]> positives = new ArrayList<>();
    int[][] labels = new int[b][];
    int[][] positiveRows = new int[b][];
    float[][] deltas = new float[b][];
    float[][] masks = new float[b][];
    int row = 0;
    for (int i = 0; i < b; i++) {
      RoiTargets.Targets t = perImage.get(i);
      int p = t.numPositive();
      rois.add(t.rois());
      positives.add(java.util.Arrays.copyOf(t.rois(), 4 * p));
      labels[i] = t.labels();
      positiveRows[i] = new int[p];
      for (int j = 0; j < p; j++) {
        positiveRows[i][j] = row + j;
      }
      deltas[i] = t.deltas();
      masks[i] = t.masks();
      row += t.labels().length;
    }
    return new SampledRois(Rois.of(rois), FlatArrays.concat(labels), FlatArrays.concat(positiveRows),
        Rois.of(positives), FlatArrays.concat(deltas), FlatArrays.concat(masks));
  }

  /** Labels of the positives. */
  public int[] positiveLabels() {
    return FlatArrays.select(labels, positiveRows);
  }
}
