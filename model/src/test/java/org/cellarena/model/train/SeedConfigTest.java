package org.cellarena.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.junit.jupiter.api.Test;

/**
 * The shipped seed configuration against the seed, line by line: MMDetection 2.x
 * {@code configs/resnest/mask_rcnn_s50_fpn_syncbn-backbone+head_mstrain_1x_coco.py} on
 * {@code _base_/models/mask_rcnn_r50_fpn.py} and {@code schedule_1x.py}, with the Sartorius seed notebook's
 * {@code num_classes=1}, 20 epochs at lr 0.0025 and test scale 1280 (see ../shared/design/mask-rcnn.md). The one
 * deliberate deviation is named below.
 */
class SeedConfigTest {
  private static final Path SEED = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("configs/mask_rcnn_s50_fpn_mstrain_sartorius.json");

  @Test
  void seedConfigIsTheSeedLineByLine() throws Exception {
    Map<String, String> seed = new LinkedHashMap<>();
    seed.put("model.num_classes", "1");
    seed.put("model.backbone.depth", "50"); // ResNeSt-50: 3, 4, 6, 3 blocks
    seed.put("model.backbone.stem_channels", "64");
    seed.put("model.backbone.base_channels", "64");
    seed.put("model.backbone.radix", "2");
    seed.put("model.backbone.reduction_factor", "4");
    seed.put("model.backbone.avd", "true");
    seed.put("model.backbone.frozen_stages", "1");
    seed.put("model.neck.out_channels", "256");
    seed.put("model.rpn.anchor_scales", "[8]");
    seed.put("model.rpn.anchor_ratios", "[0.5,1.0,2.0]");
    seed.put("model.rpn.strides", "[4,8,16,32,64]");
    seed.put("model.rpn.pos_iou_thr", "0.7");
    seed.put("model.rpn.neg_iou_thr", "0.3");
    seed.put("model.rpn.min_pos_iou", "0.3");
    seed.put("model.rpn.num_samples", "256");
    seed.put("model.rpn.pos_fraction", "0.5");
    seed.put("model.rpn.train_nms_pre", "2000"); // rpn_proposal: nms_pre 2000, max_per_img 1000, iou 0.7
    seed.put("model.rpn.train_max_per_img", "1000");
    seed.put("model.rpn.test_nms_pre", "1000"); // test rpn: 1000 / 1000
    seed.put("model.rpn.test_max_per_img", "1000");
    seed.put("model.rpn.nms_iou", "0.7");
    seed.put("model.roi_head.box_num_convs", "4"); // Shared4Conv1FCBBoxHead, 256 convs, fc 1024
    seed.put("model.roi_head.box_conv_channels", "256");
    seed.put("model.roi_head.box_fc_channels", "1024");
    seed.put("model.roi_head.mask_num_convs", "4");
    seed.put("model.roi_head.mask_conv_channels", "256");
    seed.put("model.roi_head.pos_iou_thr", "0.5");
    seed.put("model.roi_head.num_samples", "512");
    seed.put("model.roi_head.pos_fraction", "0.25");
    seed.put("model.roi_head.finest_scale", "56");
    seed.put("model.roi_head.score_thr", "0.05");
    seed.put("model.roi_head.nms_iou", "0.5");
    seed.put("model.roi_head.mask_thr", "0.5");
    seed.put("data.train_scales", "[[1333,1333],[1280,1280],[1024,1024]]");
    seed.put("data.test_scale", "[1280,1280]");
    seed.put("data.test_flip", "true"); // MultiScaleFlipAug flip=True, horizontal and vertical
    seed.put("data.flip_horizontal", "0.5");
    seed.put("data.flip_vertical", "0.5");
    seed.put("data.photometric", "false"); // the seed's pipeline has no PhotoMetricDistortion
    seed.put("data.samples_per_gpu", "2");
    seed.put("optimizer.lr", "0.0025");
    seed.put("optimizer.momentum", "0.9");
    seed.put("optimizer.weight_decay", "1.0E-4");
    seed.put("optimizer.grad_clip", "null");
    seed.put("lr_config.warmup", "\"linear\"");
    seed.put("lr_config.warmup_iters", "500");
    seed.put("lr_config.warmup_ratio", "0.001");
    seed.put("lr_config.step", "[8,11]");
    seed.put("lr_config.gamma", "0.1");
    seed.put("runner.max_epochs", "20");

    JsonObject config = JsonParser.parseString(Files.readString(SEED)).getAsJsonObject();
    for (Map.Entry<String, String> e : seed.entrySet()) {
      assertEquals(JsonParser.parseString(e.getValue()), at(config, e.getKey()), e.getKey());
    }
    // the deviation: mmdet's test max_per_img is 100; Sartorius images hold up to 790 cells
    assertEquals(1000, at(config, "model.roi_head.max_per_img").getAsInt());

    TrainConfig loaded = ConfigLoader.load(SEED, List.of());
    assertEquals(0.0025f, loaded.schedule().lr(10_000, 7.99), 1e-9);
    assertEquals(0.00025f, loaded.schedule().lr(10_000, 8.0), 1e-9);
    assertEquals(0.000025f, loaded.schedule().lr(10_000, 11.0), 1e-10);
    assertTrue(loaded.pretrained() == null, "the shipped seed names no weights file");
  }

  @Test
  void frozenStagesWithoutPretrainedWeightsAreRefusedWithWhatToDo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Training.requirePretrainedForFrozenStages(ConfigLoader.load(SEED, List.of()), false));
    assertTrue(e.getMessage().contains("frozen_stages is 1") && e.getMessage().contains("model.backbone.pretrained")
        && e.getMessage().contains("--set model.backbone.frozen_stages=-1"), e.getMessage());
    Training.requirePretrainedForFrozenStages(
        ConfigLoader.load(SEED, List.of("model.backbone.frozen_stages=-1")), false);
    Training.requirePretrainedForFrozenStages(
        ConfigLoader.load(SEED, List.of("model.backbone.pretrained=resnest50.npz")), false);
  }

  private static JsonElement at(JsonObject o, String path) {
    JsonElement e = o;
    for (String k : path.split("\\.")) {
      e = e.getAsJsonObject().get(k);
    }
    return e;
  }
}
