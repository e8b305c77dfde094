package org.cellarena.model.rcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.cellarena.model.proposal.ProposalGenerator;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.FlatArrays;
import org.cellarena.model.structures.Nms;

/**
 * Flip test-time augmentation around a {@link MaskRcnn} (detectron2's GeneralizedRCNNWithTTA), as mmdet's two-stage
 * {@code aug_test} does it: the proposals of all passes, mapped back to the image, are merged by NMS; the box head
 * scores them in every pass and the class probabilities and decoded boxes (mapped back) are averaged; after the
 * score threshold and NMS the mask head runs on the kept boxes in every pass and the mask probabilities, flipped
 * back, are averaged.
 */
public final class FlipTta {
  private static final int MASK_SIZE = StandardRoiHeads.MASK_SIZE;

  private final MaskRcnn model;
  private final StandardRoiHeads heads;

  public FlipTta(MaskRcnn model) {
    this.model = model;
    this.heads = model.roiHeads();
  }

  /**
   * One image: {@code inputs[a]} is the image under {@code flips[a]}, padded, {@code (1, 3, H, W)};
   * {@code size = {width, height}} before padding.
   */
  public Detections detect(ParameterStore ps, NDArray[] inputs, Flip[] flips, int[] size) {
    NDList[] roiFeatures = new NDList[inputs.length];
    float[] props = mergedProposals(ps, inputs, flips, size, roiFeatures);
    Detections dets = averagedBoxes(ps, roiFeatures, flips, size, props);
    int passes = inputs.length;
    float[] masks = new float[dets.size() * MASK_SIZE * MASK_SIZE];
    for (int a = 0; a < passes; a++) {
      Detections inPass = new Detections(flips[a].boxes(dets.boxes(), size[0], size[1]), dets.scores(),
          dets.labels(), new float[0], MASK_SIZE);
      add(masks, flips[a].squares(heads.withMasks(ps, roiFeatures[a], List.of(inPass)).get(0).masks(), MASK_SIZE));
    }
    scale(masks, 1f / passes);
    return new Detections(dets.boxes(), dets.scores(), dets.labels(), masks, MASK_SIZE);
  }

  /** The proposals of every pass mapped back to the image and merged by NMS; fills each pass's RoI features. */
  private float[] mergedProposals(ParameterStore ps, NDArray[] inputs, Flip[] flips, int[] size,
      NDList[] roiFeatures) {
    int passes = inputs.length;
    float[][] propBoxes = new float[passes][];
    float[][] propScores = new float[passes][];
    for (int a = 0; a < passes; a++) {
      MaskRcnn.Proposed pass = model.propose(ps, inputs[a], new int[][] {size});
      ProposalGenerator.Proposals p = pass.proposals().get(0);
      propBoxes[a] = flips[a].boxes(p.boxes(), size[0], size[1]);
      propScores[a] = p.scores();
      roiFeatures[a] = pass.roiFeatures();
    }
    float[] allProps = FlatArrays.concat(propBoxes);
    float[] allScores = FlatArrays.concat(propScores);
    MaskRcnnConfig.Rpn rpn = model.config().rpn();
    int[] keep = Nms.batched(allProps, allScores, new int[allScores.length], rpn.nmsIou(), rpn.testPostNms());
    return Boxes.select(allProps, keep);
  }

  /** The box head's class probabilities and decoded boxes averaged over the passes, thresholded and NMSed. */
  private Detections averagedBoxes(ParameterStore ps, NDList[] roiFeatures, Flip[] flips, int[] size,
      float[] props) {
    int passes = flips.length;
    int n = props.length / 4;
    int k = model.config().numClasses();
    float[] probs = new float[n * (k + 1)];
    float[][] decoded = new float[k][n * 4];
    if (n > 0) {
      int[] zeros = new int[n];
      for (int a = 0; a < passes; a++) {
        float[] inPass = flips[a].boxes(props, size[0], size[1]);
        float[][] head = heads.scoreBoxes(ps, roiFeatures[a], inPass, zeros);
        add(probs, head[0]);
        for (int c = 0; c < k; c++) {
          add(decoded[c], flips[a].boxes(heads.decode(inPass, head[1], 0, c, size), size[0], size[1]));
        }
      }
    }
    scale(probs, 1f / passes);
    for (float[] d : decoded) {
      scale(d, 1f / passes);
    }
    return heads.selectBoxes(decoded, probs, 0, n);
  }

  private static void add(float[] sum, float[] x) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += x[i];
    }
  }

  private static void scale(float[] x, float f) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= f;
    }
  }
}
