package org.cellarena.model.rcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
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
import org.cellarena.model.roi.MaskHead;
import org.cellarena.model.structures.MaxIoUAssigner;
import org.cellarena.model.structures.RandomSampler;

/**
 * ResNeSt FPN Mask R-CNN (detectron2's GeneralizedRCNN): backbone, FPN, RPN and the box and mask heads as DJL
 * blocks; anchors, targets, proposals and NMS on host arrays between them (the proposals' top-k on the engine),
 * the box and mask heads run by {@link StandardRoiHeads}. {@link #losses} is one training forward pass,
 * {@link #detect} inference; {@link FlipTta} adds flip test-time augmentation.
 */
public final class MaskRcnn extends LazyBlock {
  /** The pyramid levels P2..P5 the RoI heads read (P6 only feeds the RPN). */
  static final int ROI_LEVELS = 4;

  private final MaskRcnnConfig config;
  private final ResNeSt backbone;
  private final Fpn neck;
  private final RpnHead rpnHead;
  private final BoxHead boxHead;
  private final MaskHead maskHead;
  private final AnchorGenerator anchors;
  private final RpnTargets rpnTargets;
  private final ProposalGenerator trainProposals;
  private final ProposalGenerator testProposals;
  private final StandardRoiHeads roiHeads;
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
    roiHeads = new StandardRoiHeads(c, boxHead, maskHead);
    MaskRcnnConfig.Rpn p = c.rpn();
    rpnTargets = new RpnTargets(new MaxIoUAssigner(p.posIou(), p.negIou(), p.minPosIou(), true),
        new RandomSampler(p.samples(), p.posFraction()));
    trainProposals = new ProposalGenerator(p.trainPreNms(), p.trainPostNms(), p.nmsIou(), 0f);
    testProposals = new ProposalGenerator(p.testPreNms(), p.testPostNms(), p.nmsIou(), 0f);
  }

  public MaskRcnnConfig config() {
    return config;
  }

  public ResNeSt backbone() {
    return backbone;
  }

  StandardRoiHeads roiHeads() {
    return roiHeads;
  }

  /** Where {@link #losses} records the time of its parts (default: nowhere). */
  public void profile(StepProfile p) {
    this.profile = p;
    roiHeads.profile(p);
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
    profile.engine("rpn_loss", clock);

    List<ProposalGenerator.Proposals> proposals = trainProposals.generate(logits, deltas, anchorGrid, sizes(batch));
    parts.putAll(roiHeads.losses(ps, roiLevels(pyramid), boxes(proposals), batch, random, images.getManager(),
        profile));
    return LossParts.sumOf(parts);
  }

  /**
   * Inference on a batch of images padded to {@code (B, 3, H, W)}; {@code sizes[i] = {width, height}} of image i
   * before padding. Boxes are in input coordinates.
   */
  public List<Detections> detect(ParameterStore ps, NDArray images, int[][] sizes) {
    Proposed p = propose(ps, images, sizes);
    return roiHeads.detect(ps, p.roiFeatures(), boxes(p.proposals()), sizes);
  }

  /** An inference pass up to the RPN's proposals: those of each image and the pyramid levels the RoI heads read. */
  Proposed propose(ParameterStore ps, NDArray images, int[][] sizes) {
    NDList out = forward(ps, new NDList(images), false);
    int nl = config.strides().length;
    NDList pyramid = new NDList(out.subList(0, nl));
    return new Proposed(testProposals.generate(out.get(nl), out.get(nl + 1), anchorGrid(pyramid), sizes),
        roiLevels(pyramid));
  }

  record Proposed(List<ProposalGenerator.Proposals> proposals, NDList roiFeatures) {}

  private static List<float[]> boxes(List<ProposalGenerator.Proposals> proposals) {
    return proposals.stream().map(ProposalGenerator.Proposals::boxes).toList();
  }

  private static int[][] sizes(Batch batch) {
    int[][] out = new int[batch.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new int[] {batch.samples().get(i).width(), batch.samples().get(i).height()};
    }
    return out;
  }
}
