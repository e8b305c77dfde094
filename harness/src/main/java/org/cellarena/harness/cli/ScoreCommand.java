package org.cellarena.harness.cli;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.cellarena.scoring.io.ScoringFiles;
import org.cellarena.scoring.metric.ImageResult;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.metric.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Scores a submission: the competition metric, its interval, and optionally the per-image breakdown. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Score a submission against a solution (Sartorius mAP over IoU 0.50..0.95).",
        "Prints the score with 10 decimals, or a JSON report with --json; exit code 2 when the submission is invalid."})
public final class ScoreCommand implements Callable<Integer> {
  @Mixin ScoringInputs inputs;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON report: score, ci95, thresholds, cell_types, usage, images.")
  boolean json;

  @Option(names = "--per-image", paramLabel = "FILE.csv", description = "Also write the per-image breakdown as CSV.")
  Path perImage;

  @Override
  public Integer call() throws Exception {
    ScoringFiles files = inputs.read();
    ScoreReport report = Scorer.score(files.solution(), files.submission());
    if (perImage != null) {
      writePerImage(report, perImage);
    }
    spec.commandLine().getOut().println(json ? ScoreJson.of(report).encodePrettily() : text(report));
    return 0;
  }

  /** What {@code score} prints without --json. */
  static String text(ScoreReport report) {
    return String.format(Locale.ROOT, "%.10f", report.score());
  }

  private static void writePerImage(ScoreReport report, Path file) throws java.io.IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      StringBuilder header = new StringBuilder("id,cell_type,usage,score,cells,predictions");
      for (String kind : new String[] {"tp", "fp", "fn"}) {
        for (double t : Thresholds.values()) {
          header.append(',').append(kind).append(String.format(Locale.ROOT, "@%.2f", t));
        }
      }
      out.write(header.append(",missed,spurious,split,merged\n").toString());
      for (ImageResult r : report.images()) {
        StringBuilder row = new StringBuilder()
            .append(r.id()).append(',').append(r.cellType()).append(',').append(r.usage().label()).append(',')
            .append(String.format(Locale.ROOT, "%.10f", r.score())).append(',')
            .append(r.cells()).append(',').append(r.predictions());
        for (int[] counts : new int[][] {r.tp(), r.fp(), r.fn()}) {
          IntStream.of(counts).forEach(c -> row.append(',').append(c));
        }
        row.append(',').append(r.missed()).append(',').append(r.spurious())
            .append(',').append(r.split()).append(',').append(r.merged()).append('\n');
        out.write(row.toString());
      }
    }
  }
}
