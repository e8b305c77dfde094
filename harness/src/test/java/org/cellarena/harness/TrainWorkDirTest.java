package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.harness.cli.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A work dir belongs to one run: a second {@code train} into it is refused unless {@code --overwrite} (a fresh run)
 * or {@code --resume} (the same run, going on); either way {@code metrics.jsonl} never steps backwards. A run that
 * its budget stops inside an epoch says so the same way in its summary, its latest.json and its checkpoint name.
 */
@Tag("slow")
class TrainWorkDirTest {
  @TempDir static Path dir;
  private static Path data;

  @BeforeAll
  static void smallDataset() {
    data = dir.resolve("data");
    ok(CommandRun.of("demo-data", "--out", data.toString(), "--images", "16", "--seed", "3", "--width", "256",
        "--height", "192"));
  }

  private static CommandRun train(Path work, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--config", config().toString(), "--data", data.toString(),
        "--val-fraction", "0.2", "--work-dir", work.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  @Test
  void aSecondRunIsRefusedUnlessItOverwritesOrResumes() throws Exception {
    Path work = dir.resolve("work");
    ok(train(work, "--set", "runner.max_epochs=1"));
    List<Long> first = iterations(work);
    assertEquals(1, latest(work).get("epoch").getAsInt());

    CommandRun refused = train(work, "--set", "runner.max_epochs=1");
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("holds a training run already; give --resume to continue it, --overwrite"),
        refused.err());
    assertEquals(first, iterations(work), "a refused run leaves the work dir alone");

    ok(train(work, "--set", "runner.max_epochs=1", "--overwrite"));
    assertEquals(first, iterations(work), "a fresh run: the old records are gone, not appended to");

    CommandRun resumed = ok(train(work, "--set", "runner.max_epochs=2", "--resume"));
    List<Long> after = iterations(work);
    assertIncreasing(after);
    assertTrue(after.size() > first.size() && after.subList(0, first.size()).equals(first), after.toString());
    assertTrue(resumed.out().startsWith("trained epoch 2 of 2,"), resumed.out());
    assertFalse(Files.exists(work.resolve("epoch_3.params")));
  }

  @Test
  void aBudgetEndingInsideAnEpochIsToldTheSameWayEverywhere() throws Exception {
    Path work = dir.resolve("budget");
    // 13 training images, 5 iterations an epoch: the budget of 3 ends inside the first
    CommandRun run = ok(train(work, "--max-iterations", "3", "--max-minutes", "30"));
    JsonObject latest = latest(work);
    assertEquals(1, latest.get("epoch").getAsInt());
    assertFalse(latest.get("complete").getAsBoolean());
    assertEquals(3, latest.get("iterations_in_epoch").getAsInt());
    assertEquals("epoch_1", latest.get("checkpoint").getAsString());
    assertTrue(run.out().startsWith("trained epoch 1 under a budget of 3 iterations, at most 30 minutes (stopped"
        + " epoch 1 after 3 of 5 iterations), 3 iterations, in "), run.out());
    assertIncreasing(iterations(work));

    ok(train(work, "--set", "runner.max_epochs=1", "--resume"));
    JsonObject resumed = latest(work);
    assertTrue(resumed.get("complete").getAsBoolean(), "epoch 1 trained again from its start, to its end");
    assertIncreasing(iterations(work));
  }

  private static void assertIncreasing(List<Long> iterations) {
    for (int i = 1; i < iterations.size(); i++) {
      assertTrue(iterations.get(i) >= iterations.get(i - 1), "metrics.jsonl steps back at record " + i + ": "
          + iterations);
    }
  }

  /** The iteration of every record of metrics.jsonl, in file order. */
  private static List<Long> iterations(Path work) throws Exception {
    List<Long> out = new ArrayList<>();
    for (String line : Files.readAllLines(work.resolve("metrics.jsonl"))) {
      out.add(JsonParser.parseString(line).getAsJsonObject().get("iter").getAsLong());
    }
    return out;
  }

  private static JsonObject latest(Path work) throws Exception {
    return JsonParser.parseString(Files.readString(work.resolve("latest.json"))).getAsJsonObject();
  }

  private static Path config() {
    return Path.of(System.getProperty("cellarena.home", "..")).resolve("configs/tiny_cpu.json");
  }

  private static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
    return run;
  }
}
