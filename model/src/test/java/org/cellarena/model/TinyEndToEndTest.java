package org.cellarena.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cellarena.model.cli.TrainCommand;
import org.cellarena.model.train.MetricsLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The tiny configuration, trained from scratch on CPU for 200 iterations (a fixed amount of work, so the outcome
 * does not hang on how busy the machine is) on generated images through the {@code train} command, reaches a
 * validation mAP (competition metric) of at least 0.5 on held-out generated images; then {@code --resume} continues
 * from its checkpoint.
 */
@Tag("slow")
class TinyEndToEndTest {

  @Test
  void tinyConfigLearnsGeneratedCellsIn200IterationsAndResumes(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    SyntheticCells.write(data, 80, 256, 42);
    Path work = tmp.resolve("work");
    Path config = Path.of(System.getProperty("user.dir")).getParent().resolve("configs/tiny_cpu.json");
    int code = new CommandLine(new TrainCommand()).execute("--config", config.toString(), "--data", data.toString(),
        "--val-fraction", "0.2", "--seed", "1", "--work-dir", work.toString(), "--max-iterations", "200");
    assertEquals(0, code);
    List<JsonObject> records = new MetricsLog(work.resolve("metrics.jsonl")).read();
    double best = records.stream().filter(r -> r.has("val_map")).mapToDouble(r -> r.get("val_map").getAsDouble())
        .max().orElse(-1);
    System.out.printf("tiny end to end: best val mAP %.4f after 200 iterations%n", best);
    assertTrue(best >= 0.5, "best validation mAP " + best + " < 0.5");
    assertTrue(Files.size(work.resolve("loss_curve.png")) > 1000);
    assertTrue(Files.exists(work.resolve("best.params")) && Files.exists(work.resolve("best.json")));
    assertTrue(Files.exists(work.resolve("split.json")));

    // resume: one more epoch on top of the saved ones
    int epochs = records.stream().mapToInt(r -> r.get("epoch").getAsInt()).max().orElse(0);
    long lastIter = records.get(records.size() - 1).get("iter").getAsLong();
    code = new CommandLine(new TrainCommand()).execute("--config", config.toString(), "--data", data.toString(),
        "--val-fraction", "0.2", "--seed", "1", "--work-dir", work.toString(), "--resume",
        "--set", "runner.max_epochs=" + (epochs + 1));
    assertEquals(0, code);
    List<JsonObject> after = new MetricsLog(work.resolve("metrics.jsonl")).read();
    JsonObject last = after.get(after.size() - 1);
    assertTrue(last.has("val_map"));
    assertEquals(epochs + 1, last.get("epoch").getAsInt());
    assertTrue(last.get("iter").getAsLong() > lastIter);
    assertTrue(Files.exists(work.resolve("epoch_" + (epochs + 1) + ".params")));
  }
}
