package org.cellarena.model.proposal;

import java.util.List;
import org.cellarena.model.structures.FlatArrays;

/**
 * The RPN targets of a batch, each image's {@link RpnTargets.Targets} concatenated, anchor indices flat over the
 * batch's {@code (B * anchors)} logits.
 *
 * @param indices the sampled anchors, each image's positives first
 * @param labels 1 for a positive, 0 for a negative
 * @param positives the positive anchors
 * @param deltas their box delta targets, 4 per positive
 */
public record SampledAnchors(long[] indices, float[] labels, long[] positives, float[] deltas) {

  /** @param anchorsPerImage the anchors of one image: the offset of image {@code i}'s indices is {@code i} times it */
  public static SampledAnchors of(List<RpnTargets.Targets> perImage, long anchorsPerImage) {
    int b = perImage.size();
    long[][] indices = new long[b][];
    float[][] labels = new float[b][];
    long[][] positives = new long[b][];
    float[][] deltas = new float[b][];
    for (int i = 0; i < b; i++) {
      RpnTargets.Targets t = perImage.get(i);
      indices[i] = offset(t.indices(), i * anchorsPerImage);
      labels[i] = t.labels();
      positives[i] = offset(t.positives(), i * anchorsPerImage);
      deltas[i] = t.deltas();
    }
    return new SampledAnchors(FlatArrays.concat(indices), FlatArrays.concat(labels), FlatArrays.concat(positives),
        FlatArrays.concat(deltas));
  }

  private static long[] offset(int[] idx, long off) {
    long[] out = new long[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i] + off;
    }
    return out;
  }
}
