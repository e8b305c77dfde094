package org.cellarena.model.proposal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.layers.StepProfile;
import org.cellarena.model.structures.BoxCoder;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.FlatArrays;
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
  private StepProfile profile = StepProfile.OFF;

  public ProposalGenerator(int preNms, int postNms, float nmsIou, float minSize) {
    this.preNms = preNms;
    this.postNms = postNms;
    this.nmsIou = nmsIou;
    this.minSize = minSize;
  }

  /** Where the engine's part (top-k, gather, transfer) and the host's part of {@link #generate} are timed. */
  public void profile(StepProfile p) {
    this.profile = p;
  }

  /** Proposal boxes and their objectness logits, best first. */
  public record Proposals(float[] boxes, float[] scores) {
    public int size() {
      return scores.length;
    }
  }

  /**
   * Proposals of each image of a batch. On the engine: per level the top {@code preNms} logits and the deltas of
   * those anchors, fetched in one transfer ({@code B x 6} floats per kept anchor); on the host, on those few thousand
   * boxes: decoding, NMS per level and the best {@code postNms} overall.
   *
   * @param logits objectness logits {@code (B, N)} of all levels, concatenated as in {@code grid}
   * @param deltas matching deltas {@code (B, N, 4)}
   * @param sizes per image {@code {width, height}} before padding (boxes are clipped to it)
   */
  public List<Proposals> generate(NDArray logits, NDArray deltas, AnchorGrid grid, int[][] sizes) {
    long clock = profile.start();
    int levels = grid.levelCount();
    int[] ks = new int[levels];
    int width = 0;
    float[] picked;
    try (NDManager scope = logits.getManager().newSubManager()) {
      NDArray lg = logits.stopGradient();
      NDArray dl = deltas.stopGradient();
      lg.attach(scope);
      dl.attach(scope);
      NDList parts = new NDList();
      for (int l = 0; l < levels; l++) {
        int from = grid.offset(l);
        int to = grid.offset(l + 1);
        ks[l] = Math.min(preNms, to - from);
        NDList top = lg.get(new NDIndex(":, {}:{}", from, to)).topK(ks[l], 1);
        NDArray idx = top.get(1);
        NDArray d = dl.get(new NDIndex(":, {}:{}, :", from, to)).gather(idx.expandDims(2).repeat(2, 4), 1);
        parts.add(NDArrays.concat(new NDList(top.get(0).expandDims(2),
            idx.toType(DataType.FLOAT32, false).expandDims(2), d), 2));
        width += ks[l];
      }
      picked = NDArrays.concat(parts, 1).toFloatArray(); // (B, sum k, 6)
    }
    clock = profile.host("proposals_topk_transfer", clock);
    List<Proposals> out = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      out.add(select(picked, i * width * 6, ks, grid, sizes[i][0], sizes[i][1]));
    }
    profile.host("proposals_decode_nms", clock);
    return out;
  }

  /** Decoding, NMS per level and the final top-k of one image's rows {@code (score, anchor, 4 deltas)}. */
  private Proposals select(float[] rows, int start, int[] ks, AnchorGrid grid, float imageWidth, float imageHeight) {
    float[][] levelBoxes = new float[ks.length][];
    float[][] levelScores = new float[ks.length][];
    int row = start;
    for (int l = 0; l < ks.length; l++) {
      int k = ks[l];
      float[] anchors = grid.level(l);
      float[] a = new float[k * 4];
      float[] d = new float[k * 4];
      float[] s = new float[k];
      for (int j = 0; j < k; j++, row += 6) {
        s[j] = rows[row];
        System.arraycopy(anchors, 4 * (int) rows[row + 1], a, 4 * j, 4);
        System.arraycopy(rows, row + 2, d, 4 * j, 4);
      }
      float[] boxes = coder.decode(a, d, imageWidth, imageHeight);
      int[] valid = validIndices(boxes);
      boxes = Boxes.select(boxes, valid);
      s = FlatArrays.select(s, valid);
      int[] keep = Nms.nms(boxes, s, nmsIou, -1);
      levelBoxes[l] = Boxes.select(boxes, keep);
      levelScores[l] = FlatArrays.select(s, keep);
    }
    float[] allBoxes = FlatArrays.concat(levelBoxes);
    float[] allScores = FlatArrays.concat(levelScores);
    int[] best = TopK.topK(allScores, 0, allScores.length, postNms);
    return new Proposals(Boxes.select(allBoxes, best), FlatArrays.select(allScores, best));
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
}
