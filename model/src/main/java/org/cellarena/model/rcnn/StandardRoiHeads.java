package org.cellarena.model.rcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cellarena.model.data.Batch;
import org.cellarena.model.layers.StepProfile;
import org.cellarena.model.roi.BoxHead;
import org.cellarena.model.roi.BoxLoss;
import org.cellarena.model.roi.LevelMapper;
import org.cellarena.model.roi.MaskHead;
import org.cellarena.model.roi.MaskLoss;
import org.cellarena.model.roi.RoiAlign;
import org.cellarena.model.roi.RoiTargets;
import org.cellarena.model.roi.Rois;
import org.cellarena.model.roi.SampledRois;
import org.cellarena.model.structures.BoxCoder;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.FlatArrays;
import org.cellarena.model.structures.MaxIoUAssigner;
import org.cellarena.model.structures.Nms;
import org.cellarena.model.structures.RandomSampler;

/**
 * The RoI heads (detectron2's StandardROIHeads): proposals RoIAligned from the pyramid level their size maps to,
 * the box head with its losses or its detections (score threshold, class-wise NMS), then the mask head on the
 * positives or the kept boxes. The heads are blocks of {@link MaskRcnn}; this runs them.
 */
final class StandardRoiHeads {
  static final int MASK_SIZE = 28;
  private static final int MASK_CHUNK = 200;

  private final MaskRcnnConfig config;
  private final BoxHead boxHead;
  private final MaskHead maskHead;
  private final RoiAlign boxAlign;
  private final RoiAlign maskAlign;
  private final LevelMapper levels;
  private final RoiTargets roiTargets;
  private final BoxCoder rcnnCoder = BoxCoder.rcnn();

  StandardRoiHeads(MaskRcnnConfig c, BoxHead boxHead, MaskHead maskHead) {
    this.config = c;
    this.boxHead = boxHead;
    this.maskHead = maskHead;
    MaskRcnnConfig.Rcnn r = c.rcnn();
    boxAlign = new RoiAlign(7, 0, r.roiChunk());
    maskAlign = new RoiAlign(14, 0, r.roiChunk());
    levels = new LevelMapper(r.finestScale(), MaskRcnn.ROI_LEVELS);
    roiTargets = new RoiTargets(new MaxIoUAssigner(r.posIou(), r.posIou(), r.posIou(), true),
        new RandomSampler(r.samples(), r.posFraction()), c.numClasses(), MASK_SIZE);
  }

  void profile(StepProfile p) {
    boxAlign.profile(p);
    maskAlign.profile(p);
  }

  /** The box and mask losses ({@code loss_cls}, {@code loss_bbox}, {@code loss_mask}) on sampled proposals. */
  Map<String, NDArray> losses(ParameterStore ps, NDList roiFeatures, List<float[]> proposals, Batch batch,
      Random random, NDManager manager, StepProfile profile) {
    Map<String, NDArray> parts = new LinkedHashMap<>();
    long clock = profile.start();
    SampledRois sampled = roiTargets.compute(proposals, batch, random);
    clock = profile.host("roi_targets", clock);
    NDList head = boxHead.forward(ps, new NDList(align(boxAlign, roiFeatures, sampled.rois())), true);
    parts.putAll(BoxLoss.losses(head.get(0), head.get(1), sampled, config.numClasses()));
    clock = profile.engine("box_head", clock);
    if (sampled.positives().size() > 0) {
      NDArray maskFeats = align(maskAlign, roiFeatures, sampled.positives());
      NDArray maskLogits = maskHead.forward(ps, new NDList(maskFeats), true).head();
      parts.put("loss_mask", MaskLoss.loss(maskLogits, sampled, config.numClasses()));
    } else {
      parts.put("loss_mask", manager.zeros(new Shape()));
    }
    profile.engine("mask_head", clock);
    return parts;
  }

  /** RoIAligned features {@code (R, C, P, P)} of the RoIs, each from the pyramid level its size maps to. */
  private NDArray align(RoiAlign roiAlign, NDList roiFeatures, Rois rois) {
    return roiAlign.apply(roiFeatures, config.strides(), rois.boxes(), rois.images(), levels.map(rois.boxes()));
  }

  /** Detections of each image from its proposals; {@code sizes[i] = {width, height}} of image i. */
  List<Detections> detect(ParameterStore ps, NDList roiFeatures, List<float[]> proposals, int[][] sizes) {
    Rois rois = Rois.of(proposals);
    float[][] head = rois.size() > 0 ? scoreBoxes(ps, roiFeatures, rois.boxes(), rois.images())
        : new float[][] {new float[0], new float[0]};
    int k = config.numClasses();
    List<Detections> result = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < sizes.length; i++) {
      float[] props = proposals.get(i);
      int n = props.length / 4;
      float[][] decoded = new float[k][];
      for (int c = 0; c < k; c++) {
        decoded[c] = decode(props, head[1], offset, c, sizes[i]);
      }
      result.add(selectBoxes(decoded, head[0], offset, n));
      offset += n;
    }
    return withMasks(ps, roiFeatures, result);
  }

  /** The box head on boxes of the given images: class probabilities {@code (R, K + 1)} and deltas, flat. */
  float[][] scoreBoxes(ParameterStore ps, NDList roiFeatures, float[] boxes, int[] images) {
    NDArray feats = boxAlign.apply(roiFeatures, config.strides(), boxes, images, levels.map(boxes));
    NDList head = boxHead.forward(ps, new NDList(feats), false);
    return new float[][] {head.get(0).softmax(1).toFloatArray(), head.get(1).toFloatArray()};
  }

  /** Class {@code c}'s boxes decoded from the deltas of the RoIs from {@code offset} on, clipped to the image. */
  float[] decode(float[] boxes, float[] deltas, int offset, int c, int[] size) {
    int k = config.numClasses();
    return rcnnCoder.decode(boxes, deltas, (offset * k + c) * 4, 4 * k, size[0], size[1]);
  }

  /** Score threshold and class-wise NMS over {@code n} RoIs' boxes decoded per class and class probabilities. */
  Detections selectBoxes(float[][] decoded, float[] probs, int offset, int n) {
    int k = config.numClasses();
    MaskRcnnConfig.Rcnn r = config.rcnn();
    List<float[]> boxes = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < n; j++) {
        float s = probs[(offset + j) * (k + 1) + c];
        if (s > r.scoreThreshold()) {
          boxes.add(Arrays.copyOfRange(decoded[c], 4 * j, 4 * j + 4));
          scores.add(s);
          labels.add(c);
        }
      }
    }
    float[] bx = FlatArrays.concat(boxes.toArray(new float[0][]));
    float[] sc = new float[scores.size()];
    int[] lb = new int[labels.size()];
    for (int j = 0; j < sc.length; j++) {
      sc[j] = scores.get(j);
      lb[j] = labels.get(j);
    }
    int[] keep = Nms.batched(bx, sc, lb, r.nmsIou(), r.maxPerImage());
    return new Detections(Boxes.select(bx, keep), FlatArrays.select(sc, keep), FlatArrays.select(lb, keep),
        new float[0], MASK_SIZE);
  }

  /** The detections with the mask head's probabilities of their class, in chunks of RoIs. */
  List<Detections> withMasks(ParameterStore ps, NDList roiFeatures, List<Detections> dets) {
    Rois rois = Rois.of(dets.stream().map(Detections::boxes).toList());
    int[] labels = FlatArrays.concat(dets.stream().map(Detections::labels).toArray(int[][]::new));
    int total = rois.size();
    int[] lv = levels.map(rois.boxes());
    int cell = MASK_SIZE * MASK_SIZE;
    float[] masks = new float[total * cell];
    int k = config.numClasses();
    for (int s = 0; s < total; s += MASK_CHUNK) {
      int e = Math.min(total, s + MASK_CHUNK);
      NDArray f = maskAlign.apply(roiFeatures, config.strides(), Arrays.copyOfRange(rois.boxes(), 4 * s, 4 * e),
          Arrays.copyOfRange(rois.images(), s, e), Arrays.copyOfRange(lv, s, e));
      NDArray logits = maskHead.forward(ps, new NDList(f), false).head();
      float[] prob = Activation.sigmoid(logits).toFloatArray();
      for (int j = s; j < e; j++) {
        System.arraycopy(prob, ((j - s) * k + labels[j]) * cell, masks, j * cell, cell);
      }
      f.close();
      logits.close();
    }
    List<Detections> out = new ArrayList<>();
    int o = 0;
    for (Detections d : dets) {
      int n = d.size() * cell;
      out.add(new Detections(d.boxes(), d.scores(), d.labels(), Arrays.copyOfRange(masks, o, o + n), MASK_SIZE));
      o += n;
    }
    return out;
  }
}
