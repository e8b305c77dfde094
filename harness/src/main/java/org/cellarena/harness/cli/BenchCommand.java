package org.cellarena.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cellarena.harness.bench.SyntheticScoringSet;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Times the scoring engine: reading both files, then warm scoring repeated, on a given or generated workload. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark the scoring engine (reading, validation, warm scoring).",
        "Without --solution/--submission it generates (once) a Sartorius-sized workload:",
        "240 images of 704x520, shsy5y-heavy (~73k cells), with a realistic submission;",
        "--mix sartorius: the Sartorius train set's cell types (~15k cells on 120 images)."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--solution", paramLabel = "FILE", description = "Solution CSV (default: the generated workload).")
  Path solution;

  @Option(names = "--submission", paramLabel = "FILE", description = "Submission CSV (default: the generated workload).")
  Path submission;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/bench-score",
      description = "Where generated workloads are kept, one folder per image count (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--images", defaultValue = "240", description = "Images in the generated workload (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--mix", defaultValue = "heavy",
      description = "Cell types of the generated images: heavy (80%% shsy5y, ~306 cells an image) or sartorius "
          + "(the Sartorius train set's proportions, ~126 cells an image) (default: ${DEFAULT-VALUE}).")
  SyntheticScoringSet.Mix mix;

  @Option(names = "--iterations", defaultValue = "20", description = "Timed scoring runs after 5 warm-up runs (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Override
  public Integer call() throws Exception {
    if (images < 1 || iterations < 1) {
      throw new UserException("--images and --iterations must be at least 1");
    }
    if ((solution == null) != (submission == null)) {
      throw new UserException("give both --solution and --submission, or neither for the generated workload");
    }
    if (solution == null) {
      String suffix = mix == SyntheticScoringSet.Mix.HEAVY ? "" : "-" + mix.name().toLowerCase(Locale.ROOT);
      Path workload = dir.resolve(images + "-images" + suffix);
      solution = workload.resolve("solution.csv");
      submission = workload.resolve("submission.csv");
      if (!Files.exists(solution) || !Files.exists(submission)) {
        System.err.printf("generating %d images into %s ...%n", images, workload);
        new SyntheticScoringSet(images, 42, mix).write(workload);
      }
    }
    long t0 = System.nanoTime();
    Solution truth = SolutionReader.read(solution);
    long t1 = System.nanoTime();
    Submission predicted = new SubmissionReader(truth).read(submission);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "workload: %d images, %d cells, %d predicted cells (%s, %s)%n",
        truth.size(), truth.cellCount(), predicted.maskCount(), size(solution), size(submission));
    System.out.printf(Locale.ROOT, "read solution %.0f ms, read+validate submission %.0f ms (first run, cold JVM)%n",
        (t1 - t0) / 1e6, (t2 - t1) / 1e6);

    ScoreReport report = null;
    for (int i = 0; i < 5; i++) {
      report = Scorer.score(truth, predicted);
    }
    double[] ms = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long s = System.nanoTime();
      report = Scorer.score(truth, predicted);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(Locale.ROOT, "score %.10f; warm scoring over %d runs: median %.1f ms, min %.1f ms, max %.1f ms%n",
        report.score(), iterations, ms[iterations / 2], ms[0], ms[iterations - 1]);
    System.out.printf(Locale.ROOT, "heap in use after GC with both files loaded: %d MB (max heap %d MB), %d cores%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, rt.availableProcessors());
    return 0;
  }

  private static String size(Path file) throws java.io.IOException {
    return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
  }
}
