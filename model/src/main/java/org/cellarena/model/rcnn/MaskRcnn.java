package org.cellarena.model.rcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cellarena.model.backbone.ResNeSt;
import org.cellarena.model.data.Batch;
import org.cellarena.model.layers.LazyBlock;
import org.cellarena.model.layers.LossParts;
import org.cellarena.model.layers.StepProfile;
import org.cellarena.model.neck.Fpn;
import org.cellarena.model.proposal.AnchorGenerator;
import org.cellarena.model.proposal.AnchorGrid;
import org.cellarena.model.proposal.ProposalGenerator;
import org.cellarena.model.proposal.RpnHead;
import org.cellarena.model.proposal.RpnLoss;
import org.cellarena.model.proposal.RpnTargets;
import org.cellarena.model.proposal.SampledAnchors;
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
 * ResNeSt FPN Mask R-CNN: backbone, FPN, RPN and the box and mask heads as DJL blocks; anchors, targets, proposals
 * and NMS on host arrays between them (the proposals' top-k on the engine). {@link #losses} is one training forward
 * pass, {@link #detect} inference.
 */
public final class MaskRcnn extends LazyBlock {
  private static final int MASK_SIZE = 28;
  private static final int ROI_LEVELS = 4;

  private final MaskRcnnConfig config;
  private final ResNeSt backbone;
  private final Fpn neck;
  private final RpnHead rpnHead;
  private final BoxHead boxHead;
  private final MaskHead maskHead;
  private final AnchorGenerator anchors;
  private final RoiAlign boxAlign;
  private final RoiAlign maskAlign;
  private final LevelMapper levels;
  private final RpnTargets rpnTargets;
  private final RoiTargets roiTargets;
  private final ProposalGenerator trainProposals;
  private final ProposalGenerator testProposals;
  private final BoxCoder rcnnCoder = BoxCoder.rcnn();
  private StepProfile profile = StepProfile.OFF;
  private AnchorGrid grid;

  public MaskRcnn(MaskRcnnConfig c) {
    this.config = c;
    backbone = addChildBlock("backbone", new ResNeSt(c.backbone()));
    neck = addChildBlock("neck", new Fpn(c.backbone().stageBlocks().length, c.fpnChannels()));
    anchors = new AnchorGenerator(c.strides(), c.anchorRatios(), c.anchorScales());
    rpnHead = addChildBlock("rpn_head", new RpnHead(c.fpnChannels(), anchors.anchorsPerLocation()));
    MaskRcnnConfig.Rcnn r = c.rcnn();
    boxHead = addChildBlock("bbox_head", new BoxHead(r.boxConvs(), r.boxConvChannels(), r.boxFcChannels(),
        c.numClasses(), r.headNorm()));
    maskHead = addChildBlock("mask_head", new MaskHead(r.maskConvs(), r.maskChannels(), c.numClasses(),
        r.headNorm()));
    boxAlign = new RoiAlign(7, 0, r.roiChunk());
    maskAlign = new RoiAlign(14, 0, r.roiChunk());
    levels = new LevelMapper(r.finestScale(), ROI_LEVELS);
    MaskRcnnConfig.Rpn p = c.rpn();
    rpnTargets = new RpnTargets(new MaxIoUAssigner(p.posIou(), p.negIou(), p.minPosIou(), true),
        new RandomSampler(p.samples(), p.posFraction()));
    roiTargets = new RoiTargets(new MaxIoUAssigner(r.posIou(), r.posIou(), r.posIou(), true),
        new RandomSampler(r.samples(), r.posFraction()), c.numClasses(), MASK_SIZE);
    trainProposals = new ProposalGenerator(p.trainPreNms(), p.trainPostNms(), p.nmsIou(), 0f);
    testProposals = new ProposalGenerator(p.testPreNms(), p.testPostNms(), p.nmsIou(), 0f);
  }

  public MaskRcnnConfig config() {
    return config;
  }

  public ResNeSt backbone() {
    return backbone;
  }

  /** Where {@link #losses} records the time of its parts (default: nowhere). */
  public void profile(StepProfile p) {
    this.profile = p;
    boxAlign.profile(p);
    maskAlign.profile(p);
    trainProposals.profile(p);
  }

  /** Creates every parameter with one small training pass on dummy inputs, then freezes the frozen stages. */
  public void initializeParameters(NDManager manager) {
    try (NDManager tmp = manager.newSubManager()) {
      ParameterStore ps = new ParameterStore(manager, false);
      NDArray image = tmp.randomNormal(new Shape(2, 3, 64, 64));
      NDList feats = forward(ps, new NDList(image), true);
      long ch = feats.get(0).getShape().get(1);
      boxHead.forward(ps, new NDList(tmp.randomNormal(new Shape(2, ch, 7, 7))), true);
      maskHead.forward(ps, new NDList(tmp.randomNormal(new Shape(2, ch, 14, 14))), true);
    }
    backbone.freezeStages();
  }


  /** Images {@code (B, 3, H, W)} to the pyramid P2..P6 followed by RPN logits {@code (B, N)} and deltas. */
  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDList feats = neck.forward(ps, backbone.forward(ps, in, training), training);
    NDList rpn = rpnHead.forward(ps, feats, training);
    NDList out = new NDList(feats);
    out.addAll(rpn);
    return out;
  }

  /** The anchors of this pyramid's feature map sizes (kept while the sizes stay the same). */
  private AnchorGrid anchorGrid(NDList pyramid) {
    int n = config.strides().length;
    int[] h = new int[n];
    int[] w = new int[n];
    for (int l = 0; l < n; l++) {
      Shape s = pyramid.get(l).getShape();
      h[l] = (int) s.get(2);
      w[l] = (int) s.get(3);
    }
    if (grid == null || !grid.fits(h, w)) {
      grid = new AnchorGrid(anchors, h, w);
    }
    return grid;
  }

  private NDList roiLevels(NDList pyramid) {
    return new NDList(pyramid.subList(0, ROI_LEVELS));
  }

  /** One training forward pass: RPN, R-CNN and mask losses of a batch. */
  public LossParts losses(ParameterStore ps, NDArray images, Batch batch, Random random) {
    long clock = profile.start();
    NDList out = forward(ps, new NDList(images), true);
    clock = profile.engine("forward_backbone_fpn_rpn", clock);
    int nl = config.strides().length;
    NDList pyramid = new NDList(out.subList(0, nl));
    NDArray logits = out.get(nl);
    NDArray deltas = out.get(nl + 1);
    AnchorGrid anchorGrid = anchorGrid(pyramid);
    Map<String, NDArray> parts = new LinkedHashMap<>();

    SampledAnchors sampledAnchors = rpnTargets.compute(anchorGrid, batch, random);
    clock = profile.host("rpn_targets", clock);
    parts.putAll(RpnLoss.losses(logits, deltas, sampledAnchors));
    clock = profile.engine("rpn_loss", clock);

    List<ProposalGenerator.Proposals> proposals = trainProposals.generate(logits, deltas, anchorGrid, sizes(batch));
    clock = profile.start();
    SampledRois sampled = roiTargets.compute(proposalBoxes(proposals), batch, random);
    clock = profile.host("roi_targets", clock);

    NDList roiFeatures = roiLevels(pyramid);
    NDList head = boxHead.forward(ps, new NDList(align(boxAlign, roiFeatures, sampled.rois())), true);
    parts.putAll(BoxLoss.losses(head.get(0), head.get(1), sampled, config.numClasses()));
    clock = profile.engine("box_head", clock);

    if (sampled.positives().size() > 0) {
      NDArray maskFeats = align(maskAlign, roiFeatures, sampled.positives());
      NDArray maskLogits = maskHead.forward(ps, new NDList(maskFeats), true).head();
      parts.put("loss_mask", MaskLoss.loss(maskLogits, sampled, config.numClasses()));
    } else {
      parts.put("loss_mask", images.getManager().zeros(new Shape()));
    }
    profile.engine("mask_head", clock);
    return LossParts.sumOf(parts);
  }

  /** RoIAligned features {@code (R, C, P, P)} of the RoIs, each from the pyramid level its size maps to. */
  private NDArray align(RoiAlign roiAlign, NDList roiFeatures, Rois rois) {
    return roiAlign.apply(roiFeatures, config.strides(), rois.boxes(), rois.images(), levels.map(rois.boxes()));
  }

  private static List<float[]> proposalBoxes(List<ProposalGenerator.Proposals> proposals) {
    return proposals.stream().map(ProposalGenerator.Proposals::boxes).toList();
  }

  /**
   * Inference on a batch of images padded to {@code (B, 3, H, W)}; {@code sizes[i] = {width, height}} of image i
   * before padding. Boxes are in input coordinates.
   */
  public List<Detections> detect(ParameterStore ps, NDArray images, int[][] sizes) {
    NDList out = forward(ps, new NDList(images), false);
    int nl = config.strides().length;
    NDList pyramid = new NDList(out.subList(0, nl));
    NDArray logits = out.get(nl);
    NDArray deltas = out.get(nl + 1);
    int b = sizes.length;
    List<float[]> props = proposalBoxes(testProposals.generate(logits, deltas, anchorGrid(pyramid), sizes));
    Rois rois = Rois.of(props);
    NDList roiFeatures = roiLevels(pyramid);
    int k = config.numClasses();
    MaskRcnnConfig.Rcnn r = config.rcnn();
    float[] clsLogits = new float[0];
    float[] regs = new float[0];
    if (rois.size() > 0) {
      NDArray feats = align(boxAlign, roiFeatures, rois);
      NDList head = boxHead.forward(ps, new NDList(feats), false);
      clsLogits = head.get(0).softmax(1).toFloatArray();
      regs = head.get(1).toFloatArray();
    }
    List<Detections> result = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < b; i++) {
      int n = props.get(i).length / 4;
      result.add(boxesOf(props.get(i), clsLogits, regs, offset, n, k, sizes[i], r));
      offset += n;
    }
    return withMasks(ps, roiFeatures, result);
  }

  private Detections boxesOf(float[] props, float[] probs, float[] regs, int offset, int n, int k, int[] size,
      MaskRcnnConfig.Rcnn r) {
    float[][] decoded = new float[k][];
    for (int c = 0; c < k; c++) {
      decoded[c] = rcnnCoder.decode(props, regs, (offset * k + c) * 4, 4 * k, size[0], size[1]);
    }
    return selectBoxes(decoded, probs, offset, n, k, r);
  }

  /** Score threshold and class-wise NMS over {@code n} RoIs' boxes decoded per class and class probabilities. */
  private static Detections selectBoxes(float[][] decoded, float[] probs, int offset, int n, int k,
      MaskRcnnConfig.Rcnn r) {
    List<float[]> boxes = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      float[] dec = decoded[c];
      for (int j = 0; j < n; j++) {
        float s = probs[(offset + j) * (k + 1) + c];
        if (s > r.scoreThreshold()) {
          boxes.add(java.util.Arrays.copyOfRange(dec, 4 * j, 4 * j + 4));
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

  private List<Detections> withMasks(ParameterStore ps, NDList roiFeatures, List<Detections> dets) {
    Rois rois = Rois.of(dets.stream().map(Detections::boxes).toList());
    int[] labels = FlatArrays.concat(dets.stream().map(Detections::labels).toArray(int[][]::new));
    float[] all = rois.boxes();
    int[] allB = rois.images();
    int total = rois.size();
    int[] lv = levels.map(all);
    float[] masks = new float[total * MASK_SIZE * MASK_SIZE];
    int k = config.numClasses();
    int chunk = 200;
    for (int s = 0; s < total; s += chunk) {
      int e = Math.min(total, s + chunk);
      float[] bx = java.util.Arrays.copyOfRange(all, 4 * s, 4 * e);
      int[] bi = java.util.Arrays.copyOfRange(allB, s, e);
      int[] li = java.util.Arrays.copyOfRange(lv, s, e);
      NDArray f = maskAlign.apply(roiFeatures, config.strides(), bx, bi, li);
      NDArray logits = maskHead.forward(ps, new NDList(f), false).head();
      float[] prob = Activation.sigmoid(logits).toFloatArray();
      int cell = MASK_SIZE * MASK_SIZE;
      for (int j = s; j < e; j++) {
        System.arraycopy(prob, ((j - s) * k + labels[j]) * cell, masks, j * cell, cell);
      }
      f.close();
      logits.close();
    }
    List<Detections> out = new ArrayList<>();
    int o = 0;
    for (Detections d : dets) {
      int n = d.size() * MASK_SIZE * MASK_SIZE;
      out.add(new Detections(d.boxes(), d.scores(), d.labels(), java.util.Arrays.copyOfRange(masks, o, o + n),
          MASK_SIZE));
      o += n;
    }
    return out;
  }

  /**
   * Flip test-time augmentation of one image as mmdet's two-stage {@code aug_test} does it: {@code inputs[a]} is the
   * image under {@code flips[a]}, padded, {@code (1, 3, H, W)}; {@code size = {width, height}} before padding. The
   * proposals of all passes, mapped back to the image, are merged by NMS; the box head scores them in every pass
   * and the class probabilities and decoded boxes (mapped back) are averaged; after the score threshold and NMS the
   * mask head runs on the kept boxes in every pass and the mask probabilities, flipped back, are averaged.
   */
  public Detections detectFlipAveraged(ParameterStore ps, NDArray[] inputs, Flip[] flips, int[] size) {
    int passes = inputs.length;
    int nl = config.strides().length;
    NDList[] roiFeatures = new NDList[passes];
    float[][] propBoxes = new float[passes][];
    float[][] propScores = new float[passes][];
    for (int a = 0; a < passes; a++) {
      NDList out = forward(ps, new NDList(inputs[a]), false);
      NDList pyramid = new NDList(out.subList(0, nl));
      ProposalGenerator.Proposals p = testProposals.generate(out.get(nl), out.get(nl + 1), anchorGrid(pyramid),
          new int[][] {size}).get(0);
      propBoxes[a] = flips[a].boxes(p.boxes(), size[0], size[1]);
      propScores[a] = p.scores();
      roiFeatures[a] = roiLevels(pyramid);
    }
    float[] allProps = FlatArrays.concat(propBoxes);
    float[] allScores = FlatArrays.concat(propScores);
    int[] keep = Nms.batched(allProps, allScores, new int[allScores.length], config.rpn().nmsIou(),
        config.rpn().testPostNms());
    float[] props = Boxes.select(allProps, keep);
    int n = keep.length;
    int k = config.numClasses();
    float[] probs = new float[n * (k + 1)];
    float[][] decoded = new float[k][n * 4];
    if (n > 0) {
      int[] zeros = new int[n];
      for (int a = 0; a < passes; a++) {
        float[] inPass = flips[a].boxes(props, size[0], size[1]);
        NDArray feats = boxAlign.apply(roiFeatures[a], config.strides(), inPass, zeros, levels.map(inPass));
        NDList head = boxHead.forward(ps, new NDList(feats), false);
        add(probs, head.get(0).softmax(1).toFloatArray());
        float[] regs = head.get(1).toFloatArray();
        for (int c = 0; c < k; c++) {
          float[] dec = rcnnCoder.decode(inPass, regs, c * 4, 4 * k, size[0], size[1]);
          add(decoded[c], flips[a].boxes(dec, size[0], size[1]));
        }
      }
    }
    scale(probs, 1f / passes);
    for (float[] d : decoded) {
      scale(d, 1f / passes);
    }
    Detections dets = selectBoxes(decoded, probs, 0, n, k, config.rcnn());
    float[] masks = new float[dets.size() * MASK_SIZE * MASK_SIZE];
    for (int a = 0; a < passes; a++) {
      Detections inPass = new Detections(flips[a].boxes(dets.boxes(), size[0], size[1]), dets.scores(),
          dets.labels(), new float[0], MASK_SIZE);
      add(masks, flips[a].squares(withMasks(ps, roiFeatures[a], List.of(inPass)).get(0).masks(), MASK_SIZE));
    }
    scale(masks, 1f / passes);
    return new Detections(dets.boxes(), dets.scores(), dets.labels(), masks, MASK_SIZE);
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

  private static int[][] sizes(Batch batch) {
    int[][] out = new int[batch.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new int[] {batch.samples().get(i).width(), batch.samples().get(i).height()};
    }
    return out;
  }
}
