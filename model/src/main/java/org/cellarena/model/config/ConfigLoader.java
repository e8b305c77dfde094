package org.cellarena.model.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cellarena.model.backbone.BackboneConfig;
import org.cellarena.model.data.DataConfig;
import org.cellarena.model.rcnn.MaskRcnnConfig;

/**
 * Reads a JSON training configuration, mmdet style ({@code model}, {@code data}, {@code optimizer},
 * {@code lr_config}, {@code runner}, {@code seed}), applies {@code key.path=value} overrides (as mmdet's
 * {@code --cfg-options}: the key must exist, the value is JSON or else a string) and builds the typed config.
 */
public final class ConfigLoader {
  private static final List<String> BACKBONES = List.of("ResNeSt");
  private static final List<String> NORMS = List.of("BN", "GN");

  private ConfigLoader() {}

  public static TrainConfig load(Path file, List<String> overrides) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file not found: " + file);
    }
    JsonObject json;
    try {
      json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("config file " + file + " is not a JSON object: " + e.getMessage());
    }
    for (String o : overrides) {
      apply(json, o);
    }
    return build(json);
  }

  /** Applies one {@code a.b.c=value} override in place. */
  public static void apply(JsonObject json, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set expects key=value, got '" + override + "'");
    }
    String key = override.substring(0, eq).trim();
    String text = override.substring(eq + 1).trim();
    String[] path = key.split("\\.");
    JsonObject node = json;
    for (int i = 0; i < path.length - 1; i++) {
      JsonElement next = node.get(path[i]);
      if (next == null || !next.isJsonObject()) {
        throw new ConfigException("unknown config key '" + key + "'");
      }
      node = next.getAsJsonObject();
    }
    String last = path[path.length - 1];
    if (!node.has(last)) {
      throw new ConfigException("unknown config key '" + key + "' (known here: " + node.keySet() + ")");
    }
    JsonElement value;
    try {
      value = JsonParser.parseString(text);
    } catch (RuntimeException e) {
      value = new JsonPrimitive(text);
    }
    JsonElement old = node.get(last);
    if (!old.isJsonNull() && !value.isJsonNull() && kind(old) != kind(value)) {
      throw new ConfigException("config key '" + key + "' expects " + kind(old) + ", got '" + text + "'");
    }
    node.add(last, value);
  }

  private static String kind(JsonElement e) {
    if (e.isJsonArray()) {
      return "a list";
    }
    if (e.isJsonObject()) {
      return "an object";
    }
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      return p.isNumber() ? "a number" : p.isBoolean() ? "true or false" : "a string";
    }
    return "null";
  }

  /** Builds the typed configuration, section by section in the order of the file: model, data, schedule. */
  public static TrainConfig build(JsonObject json) {
    try {
      JsonObject model = obj(json, "model");
      BackboneConfig backbone = backbone(obj(model, "backbone"));
      MaskRcnnConfig.Rpn rpn = rpn(obj(model, "rpn"));
      MaskRcnnConfig.Rcnn rcnn = rcnn(obj(model, "roi_head"));
      JsonObject data = obj(json, "data");
      List<String> classes = classes(data);
      MaskRcnnConfig m = model(model, backbone, rpn, rcnn, classes.size());
      DataConfig d = data(data, classes);
      Schedule sched = schedule(json);
      JsonElement pre = obj(model, "backbone").get("pretrained");
      String pretrained = pre == null || pre.isJsonNull() ? null : pre.getAsString();
      long seed = json.has("seed") ? json.get("seed").getAsLong() : 0L;
      if (d.batchSize() < 1 || sched.epochs() < 1) {
        throw new ConfigException("data.samples_per_gpu and runner.max_epochs must be at least 1");
      }
      return new TrainConfig(m, d, sched, seed, pretrained, json);
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigException("bad config: " + e.getMessage());
    }
  }

  private static MaskRcnnConfig model(JsonObject model, BackboneConfig backbone, MaskRcnnConfig.Rpn rpnConfig,
      MaskRcnnConfig.Rcnn rcnn, int classes) {
    int numClasses = i(model, "num_classes");
    if (numClasses != classes) {
      throw new ConfigException("model.num_classes is " + numClasses + " but data.classes lists "
          + classes + " classes");
    }
    JsonObject rpn = obj(model, "rpn");
    return new MaskRcnnConfig(numClasses, backbone, i(obj(model, "neck"), "out_channels"),
        floats(rpn, "anchor_scales"), floats(rpn, "anchor_ratios"), ints(rpn, "strides"), rpnConfig, rcnn);
  }

  private static BackboneConfig backbone(JsonObject bb) {
    if (bb.has("type") && !BACKBONES.contains(bb.get("type").getAsString())) {
      throw new ConfigException("model.backbone.type '" + bb.get("type").getAsString() + "' is not a backbone this"
          + " model builds (" + String.join(", ", BACKBONES) + ")");
    }
    int[] blocks = bb.has("stage_blocks") && !bb.get("stage_blocks").isJsonNull()
        ? ints(bb, "stage_blocks") : depthBlocks(bb.get("depth").getAsInt());
    return new BackboneConfig(blocks, i(bb, "stem_channels"), i(bb, "base_channels"), i(bb, "radix"),
        i(bb, "reduction_factor"), bb.get("avd").getAsBoolean(), i(bb, "frozen_stages"), norm(bb, "backbone"));
  }

  private static int[] depthBlocks(int depth) {
    try {
      return BackboneConfig.blocksForDepth(depth);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("model.backbone.depth " + depth + " is not a ResNeSt depth (50, 101, 152)");
    }
  }

  /** {@code BN} or {@code GN}, as {@code Norms} builds them. */
  private static String norm(JsonObject section, String name) {
    String norm = s(section, "norm");
    if (!NORMS.contains(norm.toUpperCase())) {
      throw new ConfigException("model." + name + ".norm '" + norm + "' is not a norm this model builds (BN, GN)");
    }
    return norm;
  }

  private static MaskRcnnConfig.Rpn rpn(JsonObject rpn) {
    return new MaskRcnnConfig.Rpn(f(rpn, "pos_iou_thr"), f(rpn, "neg_iou_thr"), f(rpn, "min_pos_iou"),
        i(rpn, "num_samples"), f(rpn, "pos_fraction"), i(rpn, "train_nms_pre"), i(rpn, "train_max_per_img"),
        i(rpn, "test_nms_pre"), i(rpn, "test_max_per_img"), f(rpn, "nms_iou"));
  }

  private static MaskRcnnConfig.Rcnn rcnn(JsonObject roi) {
    return new MaskRcnnConfig.Rcnn(i(roi, "box_num_convs"), i(roi, "box_conv_channels"), i(roi, "box_fc_channels"),
        i(roi, "mask_num_convs"), i(roi, "mask_conv_channels"), norm(roi, "roi_head"), f(roi, "pos_iou_thr"),
        i(roi, "num_samples"), f(roi, "pos_fraction"), f(roi, "finest_scale"), i(roi, "roi_chunk"),
        f(roi, "score_thr"), f(roi, "nms_iou"), i(roi, "max_per_img"), f(roi, "mask_thr"));
  }

  private static List<String> classes(JsonObject data) {
    List<String> classes = new ArrayList<>();
    for (JsonElement e : data.getAsJsonArray("classes")) {
      classes.add(e.getAsString());
    }
    return classes;
  }

  private static DataConfig data(JsonObject data, List<String> classes) {
    List<int[]> scales = new ArrayList<>();
    for (JsonElement e : data.getAsJsonArray("train_scales")) {
      JsonArray a = e.getAsJsonArray();
      scales.add(new int[] {a.get(0).getAsInt(), a.get(1).getAsInt()});
    }
    DataConfig d = new DataConfig(scales, ints(data, "test_scale"), f(data, "flip_horizontal"),
        f(data, "flip_vertical"), data.get("photometric").getAsBoolean(), i(data, "samples_per_gpu"),
        i(data, "workers_per_gpu"), classes, optionalPair(data, "random_crop"),
        data.has("repeat") && !data.get("repeat").isJsonNull() ? data.get("repeat").getAsInt() : 1,
        data.has("test_flip") && data.get("test_flip").getAsBoolean(), cellTypeRepeat(data));
    if (d.repeat() < 1 || (d.randomCrop() != null && (d.randomCrop()[0] < 32 || d.randomCrop()[1] < 32))) {
      throw new ConfigException("data.repeat must be at least 1 and data.random_crop at least [32, 32]");
    }
    if (d.cellTypeRepeat().values().stream().anyMatch(v -> !(v > 0f && v <= 100f))) {
      throw new ConfigException("data.cell_type_repeat factors must be above 0 and at most 100, got "
          + d.cellTypeRepeat());
    }
    return d;
  }

  private static Schedule schedule(JsonObject json) {
    JsonObject opt = obj(json, "optimizer");
    JsonObject lr = obj(json, "lr_config");
    JsonElement clip = opt.get("grad_clip");
    return new Schedule(f(opt, "lr"), f(opt, "momentum"), f(opt, "weight_decay"),
        clip == null || clip.isJsonNull() ? 0f : clip.getAsFloat(), i(lr, "warmup_iters"), f(lr, "warmup_ratio"),
        ints(lr, "step"), f(lr, "gamma"), i(obj(json, "runner"), "max_epochs"));
  }

  private static JsonObject obj(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonObject()) {
      throw new ConfigException("config is missing the section '" + key + "'");
    }
    return e.getAsJsonObject();
  }

  private static JsonElement req(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || e instanceof JsonNull) {
      throw new ConfigException("config is missing the key '" + key + "'");
    }
    return e;
  }

  private static int i(JsonObject o, String k) {
    return req(o, k).getAsInt();
  }

  private static float f(JsonObject o, String k) {
    return req(o, k).getAsFloat();
  }

  private static String s(JsonObject o, String k) {
    return req(o, k).getAsString();
  }

  private static int[] ints(JsonObject o, String k) {
    JsonArray a = req(o, k).getAsJsonArray();
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsInt();
    }
    return out;
  }

  private static int[] optionalPair(JsonObject o, String k) {
    JsonElement e = o.get(k);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    JsonArray a = e.getAsJsonArray();
    if (a.size() != 2) {
      throw new ConfigException("data." + k + " must be [width, height] or null");
    }
    return new int[] {a.get(0).getAsInt(), a.get(1).getAsInt()};
  }

  private static Map<String, Float> cellTypeRepeat(JsonObject data) {
    JsonElement e = data.get("cell_type_repeat");
    if (e == null || e.isJsonNull()) {
      return Map.of();
    }
    if (!e.isJsonObject()) {
      throw new ConfigException("data.cell_type_repeat must be an object of cell type to factor, e.g. {\"astro\": 2}");
    }
    Map<String, Float> m = new TreeMap<>();
    for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
      JsonElement v = x.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
        throw new ConfigException("data.cell_type_repeat." + x.getKey() + " must be a number, got " + v);
      }
      m.put(x.getKey(), v.getAsFloat());
    }
    return Map.copyOf(m);
  }

  private static float[] floats(JsonObject o, String k) {
    JsonArray a = req(o, k).getAsJsonArray();
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsFloat();
    }
    return out;
  }
}
