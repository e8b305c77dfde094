package org.cellarena.model.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packing and checking model archives on an untrained tiny_cpu model: the round trip of a {@code .params}
 * checkpoint and of a whole mmdet state dict, and each refusal in the one sentence a team reads: a tensor of
 * another shape (both shapes named), truncated weights, an unknown backbone, a tensor missing or extra, a header
 * claiming a huge tensor, a config asking for a huge model or for more parameters than its weights file holds
 * (refused before the model is built); and the cause of weights the engine cannot load, kept for the host's log.
 */
class ModelCheckTest {
  @TempDir
  static Path tmp;
  private static Path work;
  private static byte[] params;

  @BeforeAll
  static void tinyCheckpoint() throws IOException {
    work = tmp.resolve("work");
    params = Files.readAllBytes(TinyModelFiles.params(work, "epoch_3", List.of()));
    Files.writeString(work.resolve("epoch_3.json"), "{\"epoch\": 3, \"thresholds\": {\"score\": 0.6, \"mask\": 0.4,"
        + " \"min_area\": 10, \"tta\": false}}");
  }

  @Test
  void packsACheckpointAndChecksItBack() throws Exception {
    Path zip = tmp.resolve("model.zip");
    ModelArchive.pack(work.resolve("epoch_3.params"), zip);
    Path dir = unzip(zip, tmp.resolve("unpacked"));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("config.json", "model.json", "model.params"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Arrays.equals(params, Files.readAllBytes(dir.resolve("model.params"))));
    ModelSummary s = ModelCheck.check(dir);
    assertEquals(ModelCheck.sha256(work.resolve("epoch_3.params")), s.weightsSha256());
    assertEquals(64, s.weightsSha256().length());
    assertTrue(s.parameters() > 100_000, "parameters " + s.parameters());
    assertTrue(s.description().contains("stage blocks [1, 1, 1, 1], 1 class,")
        && s.description().contains("flip TTA off, thresholds tuned on validation"), s.description());

    Path again = tmp.resolve("again.zip");
    ModelArchive.pack(work.resolve("epoch_3.params"), again);
    assertTrue(Arrays.equals(Files.readAllBytes(zip), Files.readAllBytes(again)), "packing is deterministic");
  }

  @Test
  void namesTheTensorAndBothShapesWhenTheConfigMakesAnotherShape() throws Exception {
    Path dir = modelDir("narrow", params);
    TinyModelFiles.writeConfig(dir, List.of("model.neck.out_channels=32"));
    String m = refusal(dir);
    assertTrue(m.startsWith("model.params: tensor neck.") && m.contains("has shape (64, ")
        && m.contains("in the weights file, the model's config makes it (32, "), m);
  }

  @Test
  void refusesTruncatedWeights() throws Exception {
    Path dir = modelDir("truncated", Arrays.copyOf(params, params.length - 8));
    assertEquals("model.params: the weights file is truncated (it ends inside a tensor)", refusal(dir));
    Path half = modelDir("half", Arrays.copyOf(params, params.length / 2));
    String m = refusal(half);
    assertTrue(m.matches("config\\.json: its model has at least 1\\.7 M parameters \\(6\\.6 MiB as float32\\), more"
        + " than model\\.params of 3\\.\\d MiB can hold"), m);
  }

  @Test
  void refusesAnUnknownBackbone() throws Exception {
    Path dir = modelDir("resnet", params);
    String config = Files.readString(dir.resolve("config.json")).replace("\"backbone\":{", "\"backbone\":{\"type\":"
        + "\"ResNet\",");
    Files.writeString(dir.resolve("config.json"), config);
    assertEquals("config.json: model.backbone.type 'ResNet' is not a backbone this model builds (ResNeSt)",
        refusal(dir));
  }

  @Test
  void refusesAMissingAndAnExtraTensorOfAParamsFile() throws Exception {
    int last = lastRecord(params);
    String missing = refusal(modelDir("missing", Arrays.copyOf(params, last)));
    Matcher m = Pattern.compile("model\\.params: the weights file ends after (\\d+) of the model's (\\d+) tensors:"
        + " [\\w.]+ \\([\\d, ]+\\) and those after it are missing").matcher(missing);
    assertTrue(m.matches(), missing);
    assertEquals(Integer.parseInt(m.group(2)) - 1, Integer.parseInt(m.group(1)), missing);
    byte[] extra = Arrays.copyOf(params, params.length + params.length - last);
    System.arraycopy(params, last, extra, params.length, params.length - last);
    assertEquals("model.params: the weights file holds a tensor named 'bias' after the model's last tensor: it was"
        + " saved from a larger model than its config builds", refusal(modelDir("extra", extra)));
  }

  @Test
  void checksAWholeMmdetStateDictAndNamesAMissingOrExtraTensor() throws Exception {
    Map<String, long[]> keys = TinyModelFiles.mmdetKeys();
    Path weights = tmp.resolve("mmdet/model.safetensors");
    Files.createDirectories(weights.getParent());
    TinyModelFiles.writeSafetensors(keys, weights);
    TinyModelFiles.writeConfig(weights.getParent(), List.of());
    Path zip = tmp.resolve("mmdet.zip");
    ModelArchive.pack(weights, weights.resolveSibling("config.json"), null, zip);
    Path dir = unzip(zip, tmp.resolve("mmdet-unpacked"));
    ModelSummary s = ModelCheck.check(dir);
    assertTrue(s.description().contains("thresholds the defaults"), s.description());

    Map<String, long[]> missing = new LinkedHashMap<>(keys);
    missing.remove("roi_head.bbox_head.fc_cls.weight");
    String m = refusal(stateDictDir("missing-key", missing));
    assertTrue(m.startsWith("model.safetensors: the weights do not fit the model the config builds:"
        + " roi_head.bbox_head.fc_cls.weight (2, 256) is missing"), m);

    Map<String, long[]> extra = new LinkedHashMap<>(keys);
    extra.put("roi_head.bbox_head.fc_extra.weight", new long[] {3, 4});
    assertEquals("model.safetensors: the weights do not fit the model the config builds:"
        + " roi_head.bbox_head.fc_extra.weight (3, 4) is extra: the model has no place for it",
        refusal(stateDictDir("extra-key", extra)));

    Map<String, long[]> wrong = new LinkedHashMap<>(keys);
    wrong.put("roi_head.bbox_head.fc_cls.weight", new long[] {81, 256});
    m = refusal(stateDictDir("wrong-shape", wrong));
    assertTrue(m.contains("roi_head.bbox_head.fc_cls.weight: expected (2, 256)") && m.contains("found (81, 256)"),
        m);
  }

  @Test
  void refusesAHeaderClaimingAHugeTensorWithoutReadingIt() throws Exception {
    Path dir = stateDictDir("huge", TinyModelFiles.mmdetKeys());
    rewriteSafetensorsHeader(dir.resolve("model.safetensors"), header -> header
        .getAsJsonObject("backbone.stem.0.weight").add("shape", JsonParser.parseString("[99999,99999,99,99]")));
    String m = refusal(dir);
    assertTrue(m.matches("model\\.safetensors: tensor backbone\\.stem\\.0\\.weight claims bytes 0 to \\d+ for shape"
        + " \\[99999,99999,99,99\\], which do not fit the file's \\d+ bytes of data: the file is truncated or"
        + " malformed"), m);
  }

  @Test
  void keepsTheCauseOfUnreadableWeightsForTheHostsLog() throws Exception {
    Path dir = modelDir("odd-width", params);
    TinyModelFiles.writeConfig(dir, List.of("model.backbone.base_channels=15")); // the engine refuses 2 groups of 15
    List<LogRecord> logged = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger log = Logger.getLogger(ModelCheck.class.getName());
    log.addHandler(handler);
    log.setUseParentHandlers(false);
    try {
      ModelArchiveException e = assertThrows(ModelArchiveException.class, () -> ModelCheck.check(dir));
      assertEquals("model.params could not be read as a CellArena checkpoint", e.getMessage());
      assertNotNull(e.getCause());
      assertEquals(1, logged.size());
      assertEquals(Level.WARNING, logged.get(0).getLevel());
      assertSame(e.getCause(), logged.get(0).getThrown());
    } finally {
      log.removeHandler(handler);
      log.setUseParentHandlers(true);
    }
  }

  @Test
  void refusesAConfigAskingForAHugeModel() throws Exception {
    Path dir = modelDir("huge-config", params);
    TinyModelFiles.writeConfig(dir, List.of("model.backbone.base_channels=100000"));
    assertEquals("config.json: model.backbone.base_channels is 100000, outside the 1 to 512 a submitted model may"
        + " ask for", refusal(dir));
  }

  @Test
  void refusesAConfigWhoseModelOutgrowsItsWeightsBeforeBuildingIt() throws Exception {
    Path dir = modelDir("outgrown", params);
    TinyModelFiles.writeConfig(dir, List.of("model.backbone.stage_blocks=[64,64,64,64]",
        "model.backbone.base_channels=512", "model.backbone.radix=8"));
    String m = refusal(dir);
    assertTrue(m.matches("config\\.json: its model has at least \\d{5,}\\.\\d M parameters \\(\\d{5,}\\.\\d MiB as"
        + " float32\\), more than model\\.params of \\d\\.\\d MiB can hold"), m);
  }

  @Test
  void refusesAStateDictTooSmallForItsConfig() throws Exception {
    Path dir = stateDictDir("small-state-dict", TinyModelFiles.mmdetKeys());
    TinyModelFiles.writeConfig(dir, List.of("model.backbone.base_channels=256"));
    String m = refusal(dir);
    assertTrue(m.matches("config\\.json: its model has at least \\d+\\.\\d M parameters \\([\\d.]+ MiB as float32\\),"
        + " more than model\\.safetensors of \\d\\.\\d MiB can hold"), m);
  }

  @Test
  void refusesAnArchiveWithoutWeightsOrWithTwo() throws Exception {
    Path dir = modelDir("two", params);
    Files.write(dir.resolve("model.npz"), new byte[] {1, 2, 3});
    assertEquals("a model archive holds exactly one weights file (one of model.params, model.safetensors,"
        + " model.npz), this one 2", refusal(dir));
  }

  private static String refusal(Path dir) {
    return assertThrows(ModelArchiveException.class, () -> ModelCheck.check(dir)).getMessage();
  }

  private static Path modelDir(String name, byte[] weights) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.copy(work.resolve("config.json"), dir.resolve("config.json"));
    Files.write(dir.resolve("model.params"), weights);
    return dir;
  }

  private static Path stateDictDir(String name, Map<String, long[]> keys) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.copy(work.resolve("config.json"), dir.resolve("config.json"));
    TinyModelFiles.writeSafetensors(keys, dir.resolve("model.safetensors"));
    return dir;
  }

  private static void rewriteSafetensorsHeader(Path weights, Consumer<JsonObject> edit) throws IOException {
    byte[] bytes = Files.readAllBytes(weights);
    int headerLength = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    JsonObject header = JsonParser.parseString(new String(bytes, 8, headerLength, StandardCharsets.UTF_8))
        .getAsJsonObject();
    edit.accept(header);
    byte[] edited = header.toString().getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(weights)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(edited.length).array());
      out.write(edited);
      out.write(bytes, 8 + headerLength, bytes.length - 8 - headerLength);
    }
  }

  /** Where the last parameter record ('P', version 1, name) starts. */
  private static int lastRecord(byte[] bytes) {
    for (int i = bytes.length - 4; i >= 0; i--) {
      if (bytes[i] == 0 && bytes[i + 1] == 'P' && bytes[i + 2] == 1 && bytes[i + 3] == 0) {
        return i;
      }
    }
    throw new AssertionError("no parameter record");
  }

  private static Path unzip(Path zip, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        names.add(e.getName());
        Files.copy(z, dir.resolve(e.getName()));
      }
    }
    assertEquals(names.size(), names.stream().distinct().count());
    return dir;
  }
}
