package org.cellarena.model.archive;

import org.cellarena.model.backbone.BackboneConfig;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.rcnn.MaskRcnnConfig;

/**
 * Bounds on the sizes a submitted config may ask for, checked before its model is built: the widths, depths and
 * counts that decide memory and time, each a few times the seed configuration's. The team reads the key, its value
 * and the bound.
 */
final class ConfigLimits {
  private ConfigLimits() {}

  static void check(TrainConfig config) throws ModelArchiveException {
    MaskRcnnConfig m = config.model();
    BackboneConfig b = m.backbone();
    at("model.num_classes", m.numClasses(), 1, 1000);
    at("model.backbone.stage_blocks", b.stageBlocks().length, 1, 8);
    for (int blocks : b.stageBlocks()) {
      at("model.backbone.stage_blocks[]", blocks, 1, 64);
    }
    at("model.backbone.stem_channels", b.stemChannels(), 1, 512);
    at("model.backbone.base_channels", b.baseChannels(), 1, 512);
    at("model.backbone.radix", b.radix(), 1, 8);
    at("model.backbone.reduction_factor", b.reductionFactor(), 1, 64);
    at("model.neck.out_channels", m.fpnChannels(), 1, 1024);
    at("model.rpn.strides", m.strides().length, 1, 8);
    at("model.rpn.anchor_scales x anchor_ratios", m.anchorScales().length * m.anchorRatios().length, 1, 64);
    at("model.rpn.test_nms_pre", m.rpn().testPreNms(), 1, 10_000);
    at("model.rpn.test_max_per_img", m.rpn().testPostNms(), 1, 10_000);
    MaskRcnnConfig.Rcnn r = m.rcnn();
    at("model.roi_head.box_num_convs", r.boxConvs(), 0, 8);
    at("model.roi_head.box_conv_channels", r.boxConvChannels(), 1, 1024);
    at("model.roi_head.box_fc_channels", r.boxFcChannels(), 1, 4096);
    at("model.roi_head.mask_num_convs", r.maskConvs(), 0, 8);
    at("model.roi_head.mask_conv_channels", r.maskChannels(), 1, 1024);
    at("model.roi_head.roi_chunk", r.roiChunk(), 1, 4096);
    at("model.roi_head.max_per_img", r.maxPerImage(), 1, 10_000);
    int[] scale = config.data().testScale();
    if (scale != null) {
      at("data.test_scale[]", Math.max(scale[0], scale[1]), 16, 4096);
    }
    if (config.json().has("runner") && config.json().getAsJsonObject("runner").has("cpu_threads")
        && !config.json().getAsJsonObject("runner").get("cpu_threads").isJsonNull()) {
      at("runner.cpu_threads", config.json().getAsJsonObject("runner").get("cpu_threads").getAsInt(), 1,
          Runtime.getRuntime().availableProcessors());
    }
  }

  private static void at(String key, long value, long min, long max) throws ModelArchiveException {
    if (value < min || value > max) {
      throw new ModelArchiveException("config.json: " + key + " is " + value + ", outside the " + min + " to " + max
          + " a submitted model may ask for");
    }
  }
}
