package org.cellarena.model.proposal;

import org.cellarena.model.structures.BoxCoder;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.Nms;
import org.cellarena.model.structures.TopK;

/**
 * RPN proposals of one image (mmdet 2.x {@code RPNHead._get_bboxes}): per level the top {@code preNms} anchors by
 * objectness, decoded and clipped, NMS at {@code nmsIou} within each level, then the best {@code postNms} overall.
 */
public final class ProposalGenerator {
  private final BoxCoder coder = BoxCoder.rpn();
  private final int preNms;
  private final int postNms;
  private final float nmsIou;
  private final float minSize;

  public ProposalGenerator(int preNms, int postNms, float nmsIou, float minSize) {
    this.preNms = preNms;
    this.postNms = postNms;
    this.nmsIou = nmsIou;
    this.minSize = minSize;
  }

  /** Proposal boxes and their objectness logits, best first. */
  public record Proposals(float[] boxes, float[] scores) {
    public int size() {
      return scores.length;
    }
  }

  /**
   * @param logits objectness logits of all levels for this image, concatenated
   * @param deltas matching deltas, 4 per anchor
   * @param anchors per level anchors
   */
  public Proposals generate(float[] logits, float[] deltas, float[][] anchors, float imageWidth, float imageHeight) {
    int total = 0;
    float[][] levelBoxes = new float[anchors.length][];
    float[][] levelScores = new float[anchors.length][];
    int offset = 0;
    for (int l = 0; l < anchors.length; l++) {
      int n = anchors[l].length / 4;
      int[] top = TopK.topK(logits, offset, n, preNms);
      float[] a = new float[top.length * 4];
      float[] d = new float[top.length * 4];
      float[] s = new float[top.length];
      for (int k = 0; k < top.length; k++) {
        System.arraycopy(anchors[l], 4 * top[k], a, 4 * k, 4);
        System.arraycopy(deltas, 4 * (offset + top[k]), d, 4 * k, 4);
        s[k] = logits[offset + top[k]];
      }
      float[] boxes = coder.decode(a, d, imageWidth, imageHeight);
      int[] valid = validIndices(boxes);
      boxes = Boxes.select(boxes, valid);
      s = select(s, valid);
      int[] keep = Nms.nms(boxes, s, nmsIou, -1);
      levelBoxes[l] = Boxes.select(boxes, keep);
      levelScores[l] = select(s, keep);
      total += keep.length;
      offset += n;
    }
    float[] allBoxes = new float[total * 4];
    float[] allScores = new float[total];
    int o = 0;
    for (int l = 0; l < anchors.length; l++) {
      System.arraycopy(levelBoxes[l], 0, allBoxes, 4 * o, levelBoxes[l].length);
      System.arraycopy(levelScores[l], 0, allScores, o, levelScores[l].length);
      o += levelScores[l].length;
    }
    int[] best = TopK.topK(allScores, 0, total, postNms);
    return new Proposals(Boxes.select(allBoxes, best), select(allScores, best));
  }

  private int[] validIndices(float[] boxes) {
    int n = boxes.length / 4;
    int[] tmp = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (boxes[4 * i + 2] - boxes[4 * i] > minSize && boxes[4 * i + 3] - boxes[4 * i + 1] > minSize) {
        tmp[k++] = i;
      }
    }
    return java.util.Arrays.copyOf(tmp, k);
  }

  private static float[] select(float[] v, int[] idx) {
    float[] out = new float[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }
}
