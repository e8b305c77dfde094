package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cellarena.harness.cli.CommandRun;
import org.cellarena.harness.competition.CompetitionWriter;
import org.cellarena.harness.demo.DemoPreparation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./cellarena demo} shows, without its server: on the demo's own generated data, split, held-out
 * images and baseline submission ({@link DemoPreparation}), the small CPU model of {@code configs/demo_cpu.json}
 * trained from scratch for the demo's 250 iterations scores above the classical baseline overall and on every
 * cell type (issue 23), both scored by the scoring module ({@code score}).
 */
@Tag("slow")
class ModelVersusBaselineTest {
  /** The demo's default {@code --train-iterations}: a fixed amount of work, whatever the machine's load. */
  private static final int DEMO_ITERATIONS = 250;

  @Test
  void trainedTinyModelBeatsTheClassicalBaselineOnEveryCellType(@TempDir Path dir) throws Exception {
    DemoPreparation.Prepared demo = new DemoPreparation(dir.resolve("data")).prepare(System.out);
    Path solution = demo.competition().resolve(CompetitionWriter.SOLUTION_CSV);
    JsonObject baseline = score(solution, demo.baselineSubmission());

    Path config = Path.of(System.getProperty("cellarena.home", "..")).resolve("configs/demo_cpu.json");
    assertTrue(Files.isRegularFile(config), "config " + config.toAbsolutePath());
    Path work = dir.resolve("work");
    ok(CommandRun.of("train", "--config", config.toString(), "--data", demo.bundle().toString(), "--split",
        demo.bundle().resolve("split.json").toString(), "--work-dir", work.toString(),
        "--max-iterations", String.valueOf(DEMO_ITERATIONS)));
    Path predictions = dir.resolve("model.csv");
    ok(CommandRun.of("predict", "--checkpoint", work.toString(), "--images", demo.testImages().toString(), "--out",
        predictions.toString()));
    JsonObject model = score(solution, predictions);

    String figures = String.format(Locale.ROOT, "model %.4f %s, baseline %.4f %s", model.getDouble("score"),
        model.getJsonObject("cell_types").encode(), baseline.getDouble("score"),
        baseline.getJsonObject("cell_types").encode());
    System.out.println("ModelVersusBaselineTest: " + figures);
    assertTrue(baseline.getDouble("score") > 0, "the baseline finds cells: " + figures);
    assertTrue(model.getDouble("score") > baseline.getDouble("score"), "overall: " + figures);
    for (String type : baseline.getJsonObject("cell_types").fieldNames()) {
      assertTrue(model.getJsonObject("cell_types").getDouble(type, 0.0)
          > baseline.getJsonObject("cell_types").getDouble(type), type + ": " + figures);
    }
  }

  /** {@code score --json}: the overall score under "score", per cell type under "cell_types". */
  private static JsonObject score(Path solution, Path submission) {
    CommandRun r = ok(CommandRun.of("score", "--solution", solution.toString(), "--submission",
        submission.toString(), "--json"));
    return new JsonObject(r.out());
  }

  private static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "exit code; stderr: " + run.err());
    return run;
  }
}
