package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellarena.harness.cli.CommandRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On generated demo data (704x520, all three cell types), the tiny model of {@code configs/demo_cpu.json} trained
 * for 6 short epochs from scratch on the CPU scores above the classical baseline on the same held-out images, both
 * scored by the scoring module ({@code score}).
 */
@Tag("slow")
class ModelVersusBaselineTest {

  @Test
  void trainedTinyModelBeatsTheClassicalBaseline(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path competition = dir.resolve("competition");
    ok(CommandRun.of("demo-data", "--out", data.toString(), "--images", "24", "--seed", "1"));
    ok(CommandRun.of("split", "--data", data.toString(), "--out", dir.resolve("split.json").toString(),
        "--holdout", "0.3", "--val", "0.2", "--stratify", "cell_type", "--group", "sample_id", "--seed", "1"));
    ok(CommandRun.of("competition", "create", "--data", data.toString(), "--split",
        dir.resolve("split.json").toString(), "--out", competition.toString(), "--public-fraction", "1",
        "--feedback-fraction", "0"));
    Path participant = competition.resolve("participant");
    Path test = competition.resolve("test");
    Path solution = competition.resolve("solution.csv");

    Path baseline = dir.resolve("baseline.csv");
    ok(CommandRun.of("baseline", "--images", test.toString(), "--out", baseline.toString()));
    double baselineScore = score(solution, baseline);

    Path config = Path.of(System.getProperty("cellarena.home", "..")).resolve("configs/demo_cpu.json");
    assertTrue(Files.isRegularFile(config), "config " + config.toAbsolutePath());
    Path work = dir.resolve("work");
    ok(CommandRun.of("train", "--config", config.toString(), "--data", participant.toString(), "--split",
        participant.resolve("split.json").toString(), "--work-dir", work.toString(),
        // a fixed amount of training, not a time budget, so the outcome does not hang on how busy the machine is:
        // 6 epochs (decays at 4 and 5) of 6 windows of each training image and 18 of each astro image, 252
        // iterations, validation (at 1056x780) after each epoch; about what the demo's 4 minutes allow on 2 cores
        "--set", "data.repeat=6", "--set", "runner.max_epochs=6", "--set", "lr_config.step=[4, 5]"));
    Path model = dir.resolve("model.csv");
    ok(CommandRun.of("predict", "--checkpoint", work.toString(), "--images", test.toString(), "--out",
        model.toString()));
    double modelScore = score(solution, model);

    System.out.printf("ModelVersusBaselineTest: model %.4f, baseline %.4f%n", modelScore, baselineScore);
    assertTrue(baselineScore > 0, "the baseline finds cells");
    assertTrue(modelScore > baselineScore,
        "model " + modelScore + " should score above the classical baseline " + baselineScore);
  }

  private static double score(Path solution, Path submission) {
    CommandRun r = ok(CommandRun.of("score", "--solution", solution.toString(), "--submission",
        submission.toString()));
    Matcher overall = Pattern.compile("(?m)^overall\\s+([0-9.]+)\\s").matcher(r.out());
    assertTrue(overall.find(), r.out());
    return Double.parseDouble(overall.group(1));
  }

  private static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "exit code; stderr: " + run.err());
    return run;
  }
}
