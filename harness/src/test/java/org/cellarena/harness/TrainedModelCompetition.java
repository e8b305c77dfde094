package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code model} competition made from generated data (12 images of 256x192, 5 held out, 1 of them the sample)
 * and a {@code tiny_cpu} model trained on its bundle for a few iterations: made once per test run, in a temporary
 * folder, and never changed by the tests that read it.
 */
public final class TrainedModelCompetition {
  public static final String ID = "hidden";
  private static TrainedModelCompetition made;

  public final Path competition;
  public final Path workDir;

  private TrainedModelCompetition(Path competition, Path workDir) {
    this.competition = competition;
    this.workDir = workDir;
  }

  public static synchronized TrainedModelCompetition get() {
    if (made == null) {
      try {
        made = make(Files.createTempDirectory("cellarena-model-competition-"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return made;
  }

  private static TrainedModelCompetition make(Path dir) {
    Path data = dir.resolve("data");
    Path split = dir.resolve("split.json");
    Path competition = dir.resolve("competitions").resolve(ID);
    ok(CommandRun.of("demo-data", "--out", data.toString(), "--images", "12", "--seed", "6", "--width", "256",
        "--height", "192"));
    ok(CommandRun.of("split", "--data", data.toString(), "--out", split.toString(), "--holdout", "0.4", "--val",
        "0.2", "--seed", "2"));
    ok(CommandRun.of("competition", "create", "--data", data.toString(), "--split", split.toString(), "--out",
        competition.toString(), "--kind", "model", "--sample-test", "1", "--public-fraction", "0.5",
        "--feedback-fraction", "0", "--feedback", "breakdown"));
    Path bundle = competition.resolve("participant");
    Path work = dir.resolve("work");
    ok(CommandRun.of("train", "--config", config().toString(), "--data", bundle.toString(), "--split",
        bundle.resolve("split.json").toString(), "--work-dir", work.toString(), "--max-iterations", "8"));
    return new TrainedModelCompetition(competition, work);
  }

  /** Every held-out image, hidden or not, sorted by name as {@code predict} reads a folder. */
  public List<Path> testImages() throws IOException {
    try (Stream<Path> files = Files.list(competition.resolve("test"))) {
      return files.sorted().toList();
    }
  }

  public static Path config() {
    return Path.of(System.getProperty("cellarena.home", "..")).resolve("configs/tiny_cpu.json");
  }

  public static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
    return run;
  }
}
