package org.cellarena.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cellarena.model.SyntheticCells;
import org.cellarena.model.cli.TrainCommand;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.predict.LoadedModel;
import org.cellarena.model.pretrained.ModelParameters;
import org.cellarena.model.rcnn.MaskRcnn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train --init-from}: a tiny run with 8 classes on one generated dataset starts a run with 3 classes on
 * another (every tensor copied but the class heads, which the log names), and the refusals: another architecture,
 * a checkpoint that is not there or in the work dir, and {@code --resume}.
 */
@Tag("slow")
class InitFromTest {
  private static final Path CONFIG = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("configs/tiny_cpu.json");
  private static final String EIGHT_CLASSES = "data.classes=[\"cort\",\"astro\",\"shsy5y\",\"A172\",\"BT474\","
      + "\"BV2\",\"Huh7\",\"MCF7\"]";
  private static final String THREE_CLASSES = "data.classes=[\"cort\",\"astro\",\"shsy5y\"]";
  private static final List<String> CLASS_HEADS = List.of("bbox_head.cls.weight (9, 256) -> (4, 256)",
      "bbox_head.cls.bias (9) -> (4)", "bbox_head.reg.weight (32, 256) -> (12, 256)",
      "bbox_head.reg.bias (32) -> (12)",
      "mask_head.logits.weight (8, 64, 1, 1) -> (3, 64, 1, 1)", "mask_head.logits.bias (8) -> (3)");

  @TempDir static Path tmp;
  static Path pretrained;
  static Path fineTuneData;

  @BeforeAll
  static void pretrainWithEightClasses() throws Exception {
    Path data = tmp.resolve("a");
    SyntheticCells.write(data, 8, 256, 7);
    pretrained = tmp.resolve("pretrained");
    Run r = train(data, pretrained, "--set", "model.num_classes=8", "--set", EIGHT_CLASSES);
    assertEquals(0, r.code, r.err);
    fineTuneData = tmp.resolve("b");
    SyntheticCells.write(fineTuneData, 8, 256, 8);
  }

  @Test
  void fineTunesWithThreeClassesNamingTheReinitialisedHeads() throws Exception {
    Path work = tmp.resolve("fine-tuned");
    Run r = train(fineTuneData, work, "--set", "model.num_classes=3", "--set", THREE_CLASSES,
        "--init-from", pretrained.toString());
    assertEquals(0, r.code, r.err);
    String line = r.err.lines().filter(l -> l.startsWith("initialised ")).findFirst().orElse("none in:\n" + r.err);
    assertTrue(line.startsWith("initialised 173 tensors from " + pretrained.resolve("best.params")
        + " (a run with 8 classes); "), line);
    assertTrue(line.endsWith("re-initialised, the number of classes differs: " + String.join(", ", CLASS_HEADS)),
        line);
    assertTrue(Files.exists(work.resolve("best.params")));
  }

  @Test
  void copiesEveryTensorButTheClassHeadsIntoAOneClassModel() throws Exception {
    TrainConfig cfg = ConfigLoader.load(CONFIG, List.of());
    try (NDManager manager = NDManager.newBaseManager()) {
      MaskRcnn model = new MaskRcnn(cfg.model());
      model.initializeParameters(manager);
      CheckpointInit.Report report = CheckpointInit.load(model, 1, pretrained.resolve("best.params"), manager);
      Map<String, Parameter> ours = ModelParameters.of(model);
      Map<String, Parameter> donor = ModelParameters.of(LoadedModel.load(pretrained, manager, 0).model());
      List<String> kept = new ArrayList<>();
      for (Map.Entry<String, Parameter> p : ours.entrySet()) {
        float[] mine = p.getValue().getArray().toFloatArray();
        float[] theirs = donor.get(p.getKey()).getArray().toFloatArray();
        if (mine.length == theirs.length) {
          assertArrayEquals(theirs, mine, p.getKey());
        } else {
          kept.add(p.getKey());
        }
      }
      assertEquals(List.of("bbox_head.cls.weight", "bbox_head.cls.bias", "bbox_head.reg.weight", "bbox_head.reg.bias",
          "mask_head.logits.weight", "mask_head.logits.bias"), kept);
      assertEquals(ours.size() - 6, report.copied());
      assertEquals(8, report.classes());
    }
  }

  @Test
  void refusesAnotherArchitectureWithTheTensorsThatDiffer() throws Exception {
    Path work = tmp.resolve("deeper");
    Run r = train(fineTuneData, work, "--set", "model.backbone.stage_blocks=[2,1,1,1]", "--init-from",
        pretrained.toString());
    assertEquals(2, r.code, r.err);
    assertTrue(r.out.contains("the architecture differs from the checkpoint's"), r.out);
    assertTrue(r.out.contains("tensors differ (173 match), e.g. backbone.layer1b1."), r.out);
    assertTrue(r.out.contains(" is not in the checkpoint"), r.out);
    assertFalse(Files.exists(work.resolve("config.json")), "a refused run leaves no run behind");

    r = train(fineTuneData, work, "--set", "model.neck.out_channels=32", "--init-from", pretrained.toString());
    assertEquals(2, r.code, r.err);
    assertTrue(r.out.contains("22 tensors differ (151 match), e.g. neck.lateral0.weight: the checkpoint's"
        + " (64, 64, 1, 1), ours (32, 64, 1, 1); neck.lateral0.bias"), r.out);
  }

  @Test
  void refusesWhatCannotBeLoaded() throws Exception {
    Path work = tmp.resolve("refused");
    Run r = train(fineTuneData, work, "--init-from", tmp.resolve("missing").toString());
    assertEquals(2, r.code);
    assertTrue(r.out.contains("checkpoint not found: " + tmp.resolve("missing")), r.out);

    Path alone = Files.createDirectories(tmp.resolve("alone"));
    Files.copy(pretrained.resolve("best.params"), alone.resolve("run.params"));
    r = train(fineTuneData, work, "--init-from", alone.resolve("run.params").toString());
    assertEquals(2, r.code);
    assertTrue(r.out.contains("no config.json next to checkpoint " + alone.resolve("run.params")), r.out);

    r = train(fineTuneData, work, "--init-from", pretrained.toString(), "--resume");
    assertEquals(2, r.code);
    assertTrue(r.out.contains("--init-from starts a new run from another run's weights, --resume goes on with this"
        + " one: they exclude each other"), r.out);

    r = train(fineTuneData, pretrained, "--init-from", pretrained.toString(), "--overwrite");
    assertEquals(2, r.code);
    assertTrue(r.out.contains("is in this run's work dir, which the new run replaces: give it another --work-dir"),
        r.out);
    assertTrue(Files.exists(pretrained.resolve("best.params")));
  }

  @Test
  void theRecipesConfigsDifferInTheClassesAndTheSchedule() {
    TrainConfig pretrain = ConfigLoader.load(CONFIG.resolveSibling("livecell_pretrain_s50.json"), List.of());
    TrainConfig fineTune = ConfigLoader.load(CONFIG.resolveSibling("sartorius_finetune_s50.json"), List.of());
    assertEquals(8, pretrain.model().numClasses());
    assertEquals(3, fineTune.model().numClasses());
    JsonObject architecture = pretrain.json().getAsJsonObject("model").deepCopy();
    architecture.addProperty("num_classes", 3);
    assertEquals(architecture, fineTune.json().getAsJsonObject("model"), "all but the class count, or --init-from"
        + " refuses the LIVECell run");
    assertTrue(fineTune.schedule().lr() < pretrain.schedule().lr());
  }

  private record Run(int code, String out, String err) {}

  /** The train command, 3 iterations of the tiny config on 256 px images; its messages and its progress. */
  private static Run train(Path data, Path work, String... args) {
    List<String> all = new ArrayList<>(List.of("--config", CONFIG.toString(), "--data", data.toString(),
        "--work-dir", work.toString(), "--val-fraction", "0.25", "--max-iterations", "3"));
    all.addAll(List.of(args));
    StringWriter messages = new StringWriter();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    try {
      CommandLine cli = new CommandLine(new TrainCommand());
      cli.setErr(new PrintWriter(messages, true));
      int code = cli.execute(all.toArray(String[]::new));
      return new Run(code, messages.toString(), progress.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }
}
