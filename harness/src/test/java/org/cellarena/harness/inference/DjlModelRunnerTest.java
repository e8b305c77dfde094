package org.cellarena.harness.inference;

import static org.cellarena.harness.TrainedModelCompetition.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cellarena.harness.CommandRun;
import org.cellarena.harness.TrainedModelCompetition;
import org.cellarena.web.inference.InferenceResult;
import org.cellarena.web.inference.InferenceStoppedException;
import org.cellarena.web.inference.ModelRejectedException;
import org.cellarena.web.inference.ModelRunner;
import org.cellarena.web.inference.ModelSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner the server finds: what it checks, and that it predicts exactly as {@code predict} does. */
@Tag("slow")
class DjlModelRunnerTest {
  private final TrainedModelCompetition trained = TrainedModelCompetition.get();
  @TempDir Path dir;

  @Test
  void theServerFindsItThroughServiceLoader() {
    assertTrue(ModelRunner.installed().orElseThrow() instanceof DjlModelRunner);
  }

  @Test
  void predictsTheImagesExactlyAsPredictDoesAFolder() throws Exception {
    Path model = unpackedModel(dir.resolve("model"));
    List<Path> images = trained.testImages();
    Path local = dir.resolve("local.csv");
    ok(CommandRun.of("predict", "--checkpoint", model.resolve("model.params").toString(), "--images",
        trained.competition.resolve("test").toString(), "--out", local.toString()));

    List<String> told = new ArrayList<>();
    Path served = dir.resolve("served.csv");
    InferenceResult result = new DjlModelRunner().predict(model, images, served, (done, total) -> {
      told.add(done + "/" + total);
      return true;
    });
    assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(served), "byte for byte");
    assertEquals(images.size(), result.images());
    List<String> expected = new ArrayList<>();
    for (int done = 1; done <= images.size(); done++) {
      expected.add(done + "/" + images.size());
    }
    assertEquals(expected, told, "told after each image");
    assertFalse(result.engine().isBlank());
  }

  @Test
  void aPredictionStoppedAfterItsFirstImageWritesNothing() throws Exception {
    Path model = unpackedModel(dir.resolve("model"));
    List<Path> images = trained.testImages();
    Path out = dir.resolve("stopped.csv");
    InferenceStoppedException stopped = assertThrows(InferenceStoppedException.class,
        () -> new DjlModelRunner().predict(model, images, out, (done, total) -> false));
    assertEquals(1, stopped.done());
    assertEquals(images.size(), stopped.total());
    assertFalse(Files.exists(out));
  }

  @Test
  void checkNamesTheWeightsByTheirHash() throws Exception {
    Path model = unpackedModel(dir.resolve("model"));
    ModelSummary summary = new DjlModelRunner().check(model);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(model.resolve("model.params"))));
    assertEquals(sha, summary.weightsSha256());
    assertTrue(summary.description().startsWith("ResNeSt FPN Mask R-CNN, stage blocks [1, 1, 1, 1], 1 class,"),
        summary.description());
  }

  @Test
  void truncatedWeightsAreRejected() throws Exception {
    Path model = unpackedModel(dir.resolve("model"));
    byte[] weights = Files.readAllBytes(model.resolve("model.params"));
    Files.write(model.resolve("model.params"), java.util.Arrays.copyOf(weights, weights.length - 8));
    ModelRejectedException rejected = assertThrows(ModelRejectedException.class,
        () -> new DjlModelRunner().check(model));
    assertEquals("model.params: the weights file is truncated (it ends inside a tensor)", rejected.getMessage());
  }

  @Test
  void anUnknownBackboneIsRejectedNamingIt() throws Exception {
    Path model = unpackedModel(dir.resolve("model"));
    JsonObject config = JsonParser.parseString(Files.readString(model.resolve("config.json"))).getAsJsonObject();
    config.getAsJsonObject("model").getAsJsonObject("backbone").addProperty("type", "ResNet");
    Files.writeString(model.resolve("config.json"), config.toString());
    ModelRejectedException rejected = assertThrows(ModelRejectedException.class,
        () -> new DjlModelRunner().check(model));
    assertTrue(rejected.getMessage().startsWith("config.json: model.backbone.type 'ResNet' is not a backbone"),
        rejected.getMessage());
  }

  @Test
  void aWrongShapedTensorIsRejected() throws Exception {
    Path model = unpackedModel(dir.resolve("model"));
    JsonObject config = JsonParser.parseString(Files.readString(model.resolve("config.json"))).getAsJsonObject();
    config.getAsJsonObject("model").getAsJsonObject("neck").addProperty("out_channels", 32);
    Files.writeString(model.resolve("config.json"), config.toString());
    ModelRejectedException rejected = assertThrows(ModelRejectedException.class,
        () -> new DjlModelRunner().check(model));
    assertTrue(rejected.getMessage().startsWith("model.params: tensor neck.")
        && rejected.getMessage().contains("the model's config makes it (32, "), rejected.getMessage());
  }

  /** The work dir's best checkpoint as a model archive unpacks: config.json, model.params, model.json. */
  private Path unpackedModel(Path model) throws Exception {
    Files.createDirectories(model);
    Files.copy(trained.workDir.resolve("config.json"), model.resolve("config.json"));
    Files.copy(trained.workDir.resolve("best.params"), model.resolve("model.params"));
    Path state = trained.workDir.resolve("best.json");
    if (Files.exists(state)) {
      Files.copy(state, model.resolve("model.json"));
    }
    return model;
  }
}
