package org.cellarena.model.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.rcnn.MaskRcnn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The importer against the complete upstream key lists (src/test/resources/pretrained/, derived from timm's and
 * mmdet's sources): each list written as {@code .npz} and {@code .safetensors} with distinct random values, imported
 * into the model of the seed config, then every listed key must have landed, once, whole, in the parameter it
 * belongs to (found by its values), every parameter of the covered part must have been filled, and the sample
 * pairs below, written by hand from the upstream modules, must hold.
 */
@Tag("slow")
class PretrainedImporterTest {
  private static final Path SEED = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("configs/mask_rcnn_s50_fpn_mstrain_sartorius.json");
  private static final KeyList TIMM = KeyList.read("timm-resnest50d.txt");
  private static final KeyList MMDET_BACKBONE = KeyList.read("mmdet-resnest50-backbone.txt");
  private static final KeyList MMDET_COCO = KeyList.read("mmdet-mask-rcnn-s50-fpn-syncbn-head-coco.txt");
  /** Our parameters that hold per-class rows, left at their initialisation for another number of classes. */
  private static final Set<String> PER_CLASS = Set.of("bbox_head.cls.weight", "bbox_head.cls.bias",
      "bbox_head.reg.weight", "bbox_head.reg.bias", "mask_head.logits.weight", "mask_head.logits.bias");

  private static final String TIMM_PAIRS = """
      conv1.0.weight backbone.stem.conv1.conv.weight
      conv1.1.weight backbone.stem.conv1.norm.gamma
      conv1.1.bias backbone.stem.conv1.norm.beta
      conv1.1.running_mean backbone.stem.conv1.norm.runningMean
      conv1.1.running_var backbone.stem.conv1.norm.runningVar
      conv1.3.weight backbone.stem.conv2.conv.weight
      conv1.4.running_var backbone.stem.conv2.norm.runningVar
      conv1.6.weight backbone.stem.conv3.conv.weight
      bn1.weight backbone.stem.conv3.norm.gamma
      bn1.running_mean backbone.stem.conv3.norm.runningMean
      layer1.0.conv1.weight backbone.layer1b0.conv1.conv.weight
      layer1.0.bn1.bias backbone.layer1b0.conv1.norm.beta
      layer1.0.conv2.conv.weight backbone.layer1b0.conv2.conv.conv.weight
      layer1.0.conv2.bn0.running_var backbone.layer1b0.conv2.conv.norm.runningVar
      layer1.0.conv2.fc1.weight backbone.layer1b0.conv2.fc1.weight
      layer1.0.conv2.fc1.bias backbone.layer1b0.conv2.fc1.bias
      layer1.0.conv2.bn1.weight backbone.layer1b0.conv2.norm1.gamma
      layer1.0.conv2.fc2.weight backbone.layer1b0.conv2.fc2.weight
      layer1.0.conv2.fc2.bias backbone.layer1b0.conv2.fc2.bias
      layer1.0.conv3.weight backbone.layer1b0.conv3.conv.weight
      layer1.0.bn3.weight backbone.layer1b0.conv3.norm.gamma
      layer1.0.downsample.1.weight backbone.layer1b0.downsample.conv.weight
      layer1.0.downsample.2.running_mean backbone.layer1b0.downsample.norm.runningMean
      layer2.0.downsample.1.weight backbone.layer2b0.downsample.conv.weight
      layer2.0.downsample.2.weight backbone.layer2b0.downsample.norm.gamma
      layer2.3.conv2.conv.weight backbone.layer2b3.conv2.conv.conv.weight
      layer3.5.conv2.fc2.bias backbone.layer3b5.conv2.fc2.bias
      layer4.0.downsample.1.weight backbone.layer4b0.downsample.conv.weight
      layer4.2.bn3.running_var backbone.layer4b2.conv3.norm.runningVar
      """;
  private static final String MMDET_BACKBONE_PAIRS = """
      stem.0.weight backbone.stem.conv1.conv.weight
      stem.1.weight backbone.stem.conv1.norm.gamma
      stem.1.running_var backbone.stem.conv1.norm.runningVar
      stem.3.weight backbone.stem.conv2.conv.weight
      stem.4.bias backbone.stem.conv2.norm.beta
      stem.6.weight backbone.stem.conv3.conv.weight
      stem.7.weight backbone.stem.conv3.norm.gamma
      stem.7.running_mean backbone.stem.conv3.norm.runningMean
      layer1.0.conv1.weight backbone.layer1b0.conv1.conv.weight
      layer1.0.bn1.running_var backbone.layer1b0.conv1.norm.runningVar
      layer1.0.conv2.conv.weight backbone.layer1b0.conv2.conv.conv.weight
      layer1.0.conv2.bn0.weight backbone.layer1b0.conv2.conv.norm.gamma
      layer1.0.conv2.fc1.bias backbone.layer1b0.conv2.fc1.bias
      layer1.0.conv2.bn1.running_mean backbone.layer1b0.conv2.norm1.runningMean
      layer1.0.conv2.fc2.weight backbone.layer1b0.conv2.fc2.weight
      layer1.0.conv3.weight backbone.layer1b0.conv3.conv.weight
      layer1.0.bn3.bias backbone.layer1b0.conv3.norm.beta
      layer1.0.downsample.0.weight backbone.layer1b0.downsample.conv.weight
      layer1.0.downsample.1.weight backbone.layer1b0.downsample.norm.gamma
      layer1.0.downsample.1.running_var backbone.layer1b0.downsample.norm.runningVar
      layer2.0.downsample.1.weight backbone.layer2b0.downsample.conv.weight
      layer2.0.downsample.2.bias backbone.layer2b0.downsample.norm.beta
      layer3.0.downsample.1.weight backbone.layer3b0.downsample.conv.weight
      layer3.4.conv2.fc1.weight backbone.layer3b4.conv2.fc1.weight
      layer4.2.conv3.weight backbone.layer4b2.conv3.conv.weight
      """;
  private static final String COCO_PAIRS = """
      backbone.stem.0.weight backbone.stem.conv1.conv.weight
      backbone.stem.7.running_var backbone.stem.conv3.norm.runningVar
      backbone.layer1.0.downsample.0.weight backbone.layer1b0.downsample.conv.weight
      backbone.layer2.1.conv2.bn0.weight backbone.layer2b1.conv2.conv.norm.gamma
      backbone.layer4.0.downsample.2.running_mean backbone.layer4b0.downsample.norm.runningMean
      neck.lateral_convs.0.conv.weight neck.lateral0.weight
      neck.lateral_convs.3.conv.weight neck.lateral3.weight
      neck.lateral_convs.2.conv.bias neck.lateral2.bias
      neck.fpn_convs.0.conv.weight neck.fpn0.weight
      neck.fpn_convs.3.conv.bias neck.fpn3.bias
      rpn_head.rpn_conv.weight rpn_head.rpn_conv.weight
      rpn_head.rpn_conv.bias rpn_head.rpn_conv.bias
      rpn_head.rpn_cls.weight rpn_head.rpn_cls.weight
      rpn_head.rpn_reg.bias rpn_head.rpn_reg.bias
      roi_head.bbox_head.shared_convs.0.conv.weight bbox_head.conv0.conv.weight
      roi_head.bbox_head.shared_convs.3.bn.weight bbox_head.conv3.norm.gamma
      roi_head.bbox_head.shared_convs.2.bn.running_var bbox_head.conv2.norm.runningVar
      roi_head.bbox_head.shared_fcs.0.weight bbox_head.fc.weight
      roi_head.bbox_head.shared_fcs.0.bias bbox_head.fc.bias
      roi_head.mask_head.convs.0.conv.weight mask_head.conv0.conv.weight
      roi_head.mask_head.convs.3.bn.running_mean mask_head.conv3.norm.runningMean
      roi_head.mask_head.convs.1.bn.bias mask_head.conv1.norm.beta
      roi_head.mask_head.upsample.weight mask_head.upsample.conv.weight
      roi_head.mask_head.upsample.bias mask_head.upsample.bias
      """;
  private static final String COCO_CLASS_PAIRS = """
      roi_head.bbox_head.fc_cls.weight bbox_head.cls.weight
      roi_head.bbox_head.fc_cls.bias bbox_head.cls.bias
      roi_head.bbox_head.fc_reg.weight bbox_head.reg.weight
      roi_head.bbox_head.fc_reg.bias bbox_head.reg.bias
      roi_head.mask_head.conv_logits.weight mask_head.logits.weight
      roi_head.mask_head.conv_logits.bias mask_head.logits.bias
      """;

  @TempDir
  static Path dir;
  private static NDManager manager;
  private static final Map<Integer, MaskRcnn> MODELS = new HashMap<>();
  private static final Map<String, Path> FILES = new HashMap<>();

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"npz", "safetensors"})
  void importsEveryTimmResnest50dKeyIntoTheBackbone(String format) throws IOException {
    MaskRcnn model = model(1);
    ImportReport report = PretrainedImporter.load(model, file(TIMM, format), manager);
    assertEquals("timm resnest50d", report.naming().description());
    Map<String, String> landed = assertImported(model, TIMM, "backbone.", Map.of());
    assertPairs(TIMM_PAIRS, landed);
    assertEquals(List.of("fc.weight", "fc.bias"), report.unused()); // the ImageNet classifier
    assertEquals(counters(TIMM), report.batchCounters());
    assertEquals(TIMM.entries().size() - counters(TIMM) - 2, report.imported());
  }

  @ParameterizedTest
  @ValueSource(strings = {"npz", "safetensors"})
  void importsEveryOpenMmlabResnest50KeyIntoTheBackbone(String format) throws IOException {
    MaskRcnn model = model(1);
    ImportReport report = PretrainedImporter.load(model, file(MMDET_BACKBONE, format), manager);
    assertEquals("mmdet 2.x ResNeSt (open-mmlab://resnest50)", report.naming().description());
    Map<String, String> landed = assertImported(model, MMDET_BACKBONE, "backbone.", Map.of());
    assertPairs(MMDET_BACKBONE_PAIRS, landed);
    assertEquals(List.of(), report.unused());
    assertEquals(MMDET_BACKBONE.entries().size() - counters(MMDET_BACKBONE), report.imported());
  }

  @Test
  void importsABackboneUnderTheDetectorsPrefix() throws IOException {
    KeyList prefixed = new KeyList("prefixed.txt", MMDET_BACKBONE.entries().stream()
        .map(e -> new KeyList.Entry(e.index(), "backbone." + e.key(), e.shape())).toList());
    MaskRcnn model = model(1);
    ImportReport report = PretrainedImporter.load(model, file(prefixed, "npz"), manager);
    assertEquals("mmdet 2.x ResNeSt under backbone.", report.naming().description());
    Map<String, String> landed = assertImported(model, prefixed, "backbone.", Map.of());
    assertEquals("backbone.layer1b0.downsample.conv.weight", landed.get("backbone.layer1.0.downsample.0.weight"));
    assertEquals(List.of(), report.unused());
  }

  /**
   * mmdet 3.x's ResLayer puts a stride-1 AvgPool2d before layer1's shortcut conv ({@code if avg_down:}, where 2.x
   * has {@code avg_down and stride != 1}), so the conv and BN of {@code layer1.0.downsample} are {@code .1} and
   * {@code .2} there: the 2.x list with those two renamed.
   */
  @Test
  void importsAnMmdet3BackboneWhoseLayer1ShortcutHasThePool() throws IOException {
    KeyList mmdet3 = new KeyList("mmdet3.txt", MMDET_BACKBONE.entries().stream()
        .map(e -> new KeyList.Entry(e.index(), e.key().replace("layer1.0.downsample.1.", "layer1.0.downsample.2.")
            .replace("layer1.0.downsample.0.", "layer1.0.downsample.1."), e.shape())).toList());
    MaskRcnn model = model(1);
    ImportReport report = PretrainedImporter.load(model, file(mmdet3, "safetensors"), manager);
    assertEquals("mmdet 3.x ResNeSt (open-mmlab://resnest50)", report.naming().description());
    Map<String, String> landed = assertImported(model, mmdet3, "backbone.", Map.of());
    assertEquals("backbone.layer1b0.downsample.conv.weight", landed.get("layer1.0.downsample.1.weight"));
    assertEquals("backbone.layer1b0.downsample.norm.runningVar", landed.get("layer1.0.downsample.2.running_var"));
    assertEquals(List.of(), report.unused());
  }

  @ParameterizedTest
  @CsvSource({"npz, 80", "safetensors, 80", "npz, 1", "safetensors, 1", "npz, 3", "safetensors, 3"})
  void importsEveryKeyOfTheCocoMaskRcnnIntoTheWholeModel(String format, int classes) throws IOException {
    MaskRcnn model = model(classes);
    Map<String, float[]> fresh = new HashMap<>();
    ModelParameters.of(model).forEach((path, p) -> {
      if (PER_CLASS.contains(path)) {
        fresh.put(path, p.getArray().toFloatArray());
      }
    });
    ImportReport report = PretrainedImporter.load(model, file(MMDET_COCO, format), manager);
    boolean sameClasses = classes == 80;
    Map<String, String> landed = assertImported(model, MMDET_COCO, "", sameClasses ? Map.of() : fresh);
    assertPairs(COCO_PAIRS, landed);
    if (sameClasses) {
      assertPairs(COCO_CLASS_PAIRS, landed);
      assertEquals(List.of(), report.reinitialised());
    } else {
      assertEquals(6, report.reinitialised().size(), report.reinitialised().toString());
      assertTrue(report.summary().contains("re-initialised") && report.summary().contains("fc_cls.weight (81, 1024)"),
          report.summary());
    }
    assertEquals(List.of(), report.unused());
    assertEquals(MMDET_COCO.entries().size() - counters(MMDET_COCO) - (sameClasses ? 0 : 6), report.imported());
    assertTransposedConvMatchesItsDefinition(model);
  }

  @Test
  void aFileMatchingNoNamingIsAnErrorThatSaysWhatWasExpected() throws IOException {
    KeyList other = new KeyList("other", List.of(new KeyList.Entry(0, "model.conv.weight", new long[] {8, 3, 3, 3})));
    Path f = dir.resolve("other.safetensors");
    StateDictFiles.writeSafetensors(other, f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PretrainedImporter.load(model(1), f, manager));
    assertTrue(e.getMessage().contains("match none of the known namings") && e.getMessage().contains("conv1.0.weight")
        && e.getMessage().contains("stem.0.weight") && e.getMessage().contains("roi_head.bbox_head.fc_cls.weight")
        && e.getMessage().contains("model.conv.weight"), e.getMessage());
  }

  @Test
  void missingKeysAndWrongShapesAreListedAndNothingIsCopied() throws IOException {
    List<KeyList.Entry> entries = new ArrayList<>();
    for (KeyList.Entry e : TIMM.entries()) {
      if (e.key().equals("layer3.1.bn3.running_var")) {
        continue;
      }
      entries.add(e.key().equals("layer2.0.conv1.weight") ? new KeyList.Entry(e.index(), e.key(),
          new long[] {128, 256, 3, 3}) : e);
    }
    Path f = dir.resolve("broken.npz");
    StateDictFiles.writeNpz(new KeyList("broken", entries), f);
    MaskRcnn model = model(1);
    Parameter stem = ModelParameters.of(model).get("backbone.stem.conv1.conv.weight");
    float[] before = stem.getArray().toFloatArray();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PretrainedImporter.load(model, f, manager));
    assertTrue(e.getMessage().contains("2 problems"), e.getMessage());
    assertTrue(e.getMessage().contains("layer3.1.bn3.running_var (1024) is missing"), e.getMessage());
    assertTrue(e.getMessage().contains("layer2.0.conv1.weight: expected (128, 256, 1, 1)")
        && e.getMessage().contains("found (128, 256, 3, 3)"), e.getMessage());
    assertArrayEquals(before, stem.getArray().toFloatArray());
  }

  @Test
  void aPthOrBfloat16FileIsRefusedWithWhatToDo() throws IOException {
    Path pth = dir.resolve("resnest50.pth");
    java.nio.file.Files.write(pth, new byte[] {1, 2, 3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PretrainedImporter.load(model(1), pth, manager));
    assertTrue(e.getMessage().contains(".npz or .safetensors") && e.getMessage().contains("model/README.md"),
        e.getMessage());
    Path bf16 = dir.resolve("bf16.safetensors");
    String header = "{\"stem.0.weight\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}";
    header += " ".repeat((8 - header.length() % 8) % 8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + header.length() + 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putLong(header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    java.nio.file.Files.write(bf16, b.array());
    e = assertThrows(IllegalArgumentException.class, () -> PretrainedImporter.load(model(1), bf16, manager));
    assertTrue(e.getMessage().contains("stem.0.weight is BF16") && e.getMessage().contains("float32"),
        e.getMessage());
  }

  /**
   * Every parameter under {@code covers} holds the values of exactly one listed key (or, for those in
   * {@code unchanged}, still its fresh values); every listed key but the counters and the unused ones landed once,
   * whole, in a parameter of its kind (weight, bias, running statistics). Returns key to our path.
   */
  private static Map<String, String> assertImported(Block model, KeyList list, String covers,
      Map<String, float[]> unchanged) {
    Map<String, KeyList.Entry> byValues = new HashMap<>();
    for (KeyList.Entry e : list.entries()) {
      if (!e.isCounter()) {
        assertNull(byValues.put(fingerprint(StateDictFiles.values(e)), e));
      }
    }
    Map<String, String> landed = new HashMap<>();
    for (Map.Entry<String, Parameter> p : ModelParameters.of(model).entrySet()) {
      String path = p.getKey();
      if (!path.startsWith(covers)) {
        continue;
      }
      float[] got = p.getValue().getArray().toFloatArray();
      if (unchanged.containsKey(path)) {
        assertArrayEquals(unchanged.get(path), got, path + " should keep its initialisation");
        continue;
      }
      KeyList.Entry e = byValues.get(fingerprint(got));
      assertNotNull(e, path + " holds none of the listed tensors");
      assertNull(landed.put(e.key(), path), e.key() + " landed in two parameters");
      assertEquals(torchKind(path), e.key().substring(e.key().lastIndexOf('.') + 1), path + " <- " + e.key());
      if (!path.equals("mask_head.upsample.conv.weight")) { // its layout is checked by its output below
        assertArrayEquals(StateDictFiles.values(e), got, e.key() + " -> " + path);
        Shape ours = p.getValue().getArray().getShape();
        assertEquals(new Shape(e.shape()), path.equals("mask_head.upsample.bias") ? ours.slice(0, 1) : ours, path);
      }
    }
    Set<String> notLanded = list.entries().stream().filter(e -> !e.isCounter() && !landed.containsKey(e.key()))
        .map(KeyList.Entry::key).collect(Collectors.toSet());
    Set<String> allowed = list == TIMM ? Set.of("fc.weight", "fc.bias") : unchanged.isEmpty() ? Set.of()
        : COCO_CLASS_PAIRS.lines().map(l -> l.trim().split(" ")[0]).collect(Collectors.toSet());
    assertEquals(allowed, notLanded);
    return landed;
  }

  /** ConvTranspose2d(256, 256, 2, stride 2) by its definition in loops, with the listed tensors, against our block. */
  private static void assertTransposedConvMatchesItsDefinition(MaskRcnn model) {
    float[] wt = StateDictFiles.values(MMDET_COCO.get("roi_head.mask_head.upsample.weight")); // [ci, co, a, b]
    float[] bias = StateDictFiles.values(MMDET_COCO.get("roi_head.mask_head.upsample.bias"));
    int c = 256, h = 2, w = 3;
    Random r = new Random(5);
    float[] x = new float[c * h * w];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat() * 2 - 1;
    }
    double[] expected = new double[c * 2 * h * 2 * w];
    for (int co = 0; co < c; co++) {
      for (int i = 0; i < 2 * h * 2 * w; i++) {
        expected[co * 4 * h * w + i] = bias[co];
      }
    }
    for (int ci = 0; ci < c; ci++) {
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          for (int co = 0; co < c; co++) {
            for (int a = 0; a < 2; a++) {
              for (int b = 0; b < 2; b++) {
                expected[(co * 2 * h + 2 * i + a) * 2 * w + 2 * j + b] +=
                    x[(ci * h + i) * w + j] * wt[((ci * c + co) * 2 + a) * 2 + b];
              }
            }
          }
        }
      }
    }
    Block upsample = child(child(model, "mask_head"), "upsample");
    try (NDManager m = manager.newSubManager()) {
      NDArray in = m.create(x, new Shape(1, c, h, w));
      float[] out = upsample.forward(new ParameterStore(m, false), new NDList(in), false).head().toFloatArray();
      assertEquals(expected.length, out.length);
      for (int i = 0; i < out.length; i++) {
        assertEquals(expected[i], out[i], 1e-4, "output " + i);
      }
    }
  }

  private static void assertPairs(String pairs, Map<String, String> landed) {
    pairs.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> {
      String[] kv = l.split(" ");
      assertEquals(kv[1], landed.get(kv[0]), kv[0]);
    });
  }

  private static String torchKind(String path) {
    return switch (path.substring(path.lastIndexOf('.') + 1)) {
      case "gamma", "weight" -> "weight";
      case "beta", "bias" -> "bias";
      case "runningMean" -> "running_mean";
      case "runningVar" -> "running_var";
      default -> throw new AssertionError(path);
    };
  }

  /** Distinct random tensors have distinct extremes, whatever order their values are in. */
  private static String fingerprint(float[] v) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float f : v) {
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    return v.length + "/" + min + "/" + max;
  }

  private static Block child(Block parent, String name) {
    for (Pair<String, Block> c : parent.getChildren()) {
      if (c.getKey().substring(2).equals(name)) {
        return c.getValue();
      }
    }
    throw new AssertionError("no child " + name);
  }

  private static int counters(KeyList list) {
    return (int) list.entries().stream().filter(KeyList.Entry::isCounter).count();
  }

  private static Path file(KeyList list, String format) throws IOException {
    Path f = FILES.get(list.name() + format);
    if (f == null) {
      f = dir.resolve(list.name().replace(".txt", "." + format));
      if (format.equals("npz")) {
        StateDictFiles.writeNpz(list, f);
      } else {
        StateDictFiles.writeSafetensors(list, f);
      }
      FILES.put(list.name() + format, f);
    }
    return f;
  }

  /**
   * The seed config's model with this many classes, built once, every parameter zeroed on each call: what an import
   * is checked for must have been written by that import, not left by an earlier test's.
   */
  private static MaskRcnn model(int classes) {
    MaskRcnn model = MODELS.computeIfAbsent(classes, k -> {
      String names = IntStream.range(0, k).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(",", "[", "]"));
      MaskRcnn m = new MaskRcnn(ConfigLoader.load(SEED, List.of("model.num_classes=" + k, "data.classes=" + names))
          .model());
      m.initializeParameters(manager);
      return m;
    });
    model.getParameters().values().forEach(p -> p.getArray().muli(0));
    return model;
  }
}
