package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cellarena.harness.cli.CellArena;
import org.cellarena.harness.cli.CommandRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to {@code train} in the middle of an epoch (a separate JVM, its output into a pipe as in a log): it stops at
 * the next step boundary, keeps the partial epoch as its latest checkpoint, says so in one line, leaves no JVM crash
 * file, and {@code --resume} continues the run.
 */
@Tag("slow")
class TrainStopTest {
  private static final Pattern PROGRESS = Pattern.compile("^epoch (\\d+)/(\\d+) \\[[#.]{20}\\] (\\d+)/(\\d+) ");

  @Test
  void sigtermMidEpochKeepsAResumableCheckpointWithoutACrash(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    ok(CommandRun.of("demo-data", "--out", data.toString(), "--images", "16", "--seed", "3", "--width", "256",
        "--height", "192"));
    Path work = dir.resolve("work");
    Path cwd = Files.createDirectories(dir.resolve("cwd")); // where a crashing JVM would leave hs_err_pid*.log
    Process train = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), CellArena.class.getName(), "train", "--config",
        config().toString(), "--data", data.toString(), "--val-fraction", "0.2", "--work-dir", work.toString(),
        "--max-iterations", "500").directory(cwd.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("train.log").toFile()).start();

    // 13 training images, 5 iterations an epoch: wait for epoch 2 to be under way, then stop it
    waitFor("epoch 2/100 [", train, dir.resolve("train.log"));
    train.destroy(); // SIGTERM
    assertTrue(train.waitFor(120, TimeUnit.SECONDS), "train did not end after SIGTERM: " + log(dir));
    String out = log(dir);

    assertEquals(143, train.exitValue(), "ended by the signal (128 + 15): " + out);
    try (Stream<Path> files = Files.list(cwd)) {
      assertEquals(List.of(), files.map(Path::getFileName).map(Path::toString).toList(), "no hs_err file");
    }
    Matcher kept = Pattern.compile("stopped: kept epoch_2 \\((\\d) of 5 iterations\\) in .*; --resume continues from"
        + " its start").matcher(out);
    assertTrue(kept.find(), out);
    JsonObject latest = JsonParser.parseString(Files.readString(work.resolve("latest.json"))).getAsJsonObject();
    assertEquals(2, latest.get("epoch").getAsInt());
    assertFalse(latest.get("complete").getAsBoolean());
    assertEquals(Integer.parseInt(kept.group(1)), latest.get("iterations_in_epoch").getAsInt());
    assertConsoleIsALog(out);

    CommandRun resumed = ok(CommandRun.of("train", "--config", config().toString(), "--data", data.toString(),
        "--val-fraction", "0.2", "--work-dir", work.toString(), "--resume", "--set", "runner.max_epochs=2"));
    assertTrue(resumed.out().startsWith("trained epoch 2 of 2,"), resumed.out());
  }

  /** Into a pipe: no carriage returns, no line over 200 characters, and every progress line tells the same total. */
  private static void assertConsoleIsALog(String out) {
    assertFalse(out.contains("\r"), out);
    int progressLines = 0;
    for (String line : out.split("\n")) {
      assertTrue(line.length() <= 200, line);
      Matcher m = PROGRESS.matcher(line);
      if (m.find()) {
        progressLines++;
        assertEquals("100", m.group(2), "500 iterations of 5 make 100 epochs, from the first line on: " + line);
        assertEquals("5", m.group(4), line);
      }
    }
    assertTrue(progressLines >= 6, "epoch 1's lines and epoch 2's first: " + out);
  }

  /** Polls the log until it shows {@code seen}; the process ending first, or ten minutes, fails the test. */
  private static void waitFor(String seen, Process p, Path log) throws Exception {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!Files.readString(log).contains(seen)) {
      assertTrue(p.isAlive(), "train ended before the signal: " + Files.readString(log));
      assertTrue(System.nanoTime() < end, "no progress in ten minutes: " + Files.readString(log));
      Thread.sleep(100);
    }
  }

  private static String log(Path dir) throws IOException {
    return Files.readString(dir.resolve("train.log"));
  }

  private static Path config() {
    return Path.of(System.getProperty("cellarena.home", "..")).resolve("configs/tiny_cpu.json").toAbsolutePath();
  }

  private static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
    return run;
  }
}
