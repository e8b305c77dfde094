package org.cellarena.model.rcnn;

import org.cellarena.model.backbone.BackboneConfig;

/**
 * The architecture and its train/test settings, mirroring mmdet's {@code mask_rcnn_r50_fpn} model dict.
 *
 * @param numClasses 1 (cell) or the number of cell types
 * @param fpnChannels FPN output channels (256)
 * @param anchorScales anchor side in strides (8)
 * @param anchorRatios height/width ratios (0.5, 1, 2)
 * @param strides pyramid strides P2..P6 (4, 8, 16, 32, 64)
 * @param rpn RPN targets and proposals
 * @param rcnn R-CNN heads, targets and test settings
 */
public record MaskRcnnConfig(int numClasses, BackboneConfig backbone, int fpnChannels, float[] anchorScales,
    float[] anchorRatios, int[] strides, Rpn rpn, Rcnn rcnn) {

  /** RPN: assigner IoUs, sampler, proposals for training and test. */
  public record Rpn(float posIou, float negIou, float minPosIou, int samples, float posFraction, int trainPreNms,
      int trainPostNms, int testPreNms, int testPostNms, float nmsIou) {}

  /**
   * R-CNN: head widths, assigner and sampler, RoIAlign chunking, test score threshold, NMS, detections per image
   * and mask threshold.
   */
  public record Rcnn(int boxConvs, int boxConvChannels, int boxFcChannels, int maskConvs, int maskChannels,
      String headNorm, float posIou, int samples, float posFraction, float finestScale, int roiChunk,
      float scoreThreshold, float nmsIou, int maxPerImage, float maskThreshold) {}
}
