package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data.test_flip}: validation tunes the thresholds on flip-averaged predictions, the checkpoint records it,
 * {@code predict} flips by default, and predicting the other way than the thresholds were tuned says so.
 */
@Tag("slow")
class FlipTtaThresholdsTest {
  @TempDir Path dir;

  @Test
  void thresholdsTunedWithFlipsAreUsedWithFlips() throws Exception {
    Path data = dir.resolve("data");
    ok(CommandRun.of("demo-data", "--out", data.toString(), "--images", "10", "--seed", "4", "--width", "256",
        "--height", "192"));
    Path work = dir.resolve("work");
    CommandRun train = ok(CommandRun.of("train", "--config", config().toString(), "--data", data.toString(),
        "--val-fraction", "0.3", "--work-dir", work.toString(), "--set", "runner.max_epochs=1",
        "--set", "data.test_flip=true"));
    assertTrue(train.err().contains(", flips averaged"), train.err());
    JsonObject thresholds = JsonParser.parseString(Files.readString(work.resolve("epoch_1.json"))).getAsJsonObject()
        .getAsJsonObject("thresholds");
    assertTrue(thresholds.get("tta").getAsBoolean(), thresholds.toString());

    String images = data.resolve("train").toString();
    CommandRun flipped = ok(CommandRun.of("predict", "--checkpoint", work.toString(), "--images", images, "--out",
        dir.resolve("flipped.csv").toString()));
    assertTrue(flipped.out().contains(", flip TTA)"), flipped.out());
    assertFalse(flipped.err().contains("note:"), flipped.err());

    CommandRun plain = ok(CommandRun.of("predict", "--checkpoint", work.toString(), "--images", images, "--out",
        dir.resolve("plain.csv").toString(), "--no-tta"));
    assertFalse(plain.out().contains("flip TTA"), plain.out());
    assertTrue(plain.err().contains("note: the checkpoint's thresholds were tuned with flip TTA and this prediction"
        + " runs without it"), plain.err());
  }

  private static Path config() {
    return Path.of(System.getProperty("cellarena.home", "..")).resolve("configs/tiny_cpu.json");
  }

  private static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
    return run;
  }
}
