package org.cellarena.harness.cli;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.cellarena.scoring.io.ScoringFiles;
import org.cellarena.scoring.io.Usage;
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
        "Prints the score of the Public images (the public leaderboard's), of the Private images, of the Feedback "
            + "images (on no board) where there are any, and of all of them, "
            + "labelled, with 10 decimals; or a JSON report with --json. Exit code 2 when the submission is invalid."})
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
    spec.commandLine().getOut().print(json ? ScoreJson.of(report).encodePrettily() + "\n" : text(report));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * What {@code score} prints without --json: "Public   0.1234567890  (4 images)", then Private, Feedback (where
   * the solution has such images) and overall, so that the parts are never taken for one another. Overall is
   * the metric over every image of the solution, Feedback images included: the file's score, as it always was.
   */
  static String text(ScoreReport report) {
    StringBuilder s = new StringBuilder();
    report.usageScores().forEach((usage, score) ->
        s.append(line(usage.label(), score, report.where(usage).images().size(), "")));
    List<String> parts = report.usageScores().keySet().stream().map(Usage::label).toList();
    String together = parts.size() < 2 ? ""
        : ", " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1)
            + " together";
    return s.append(line("overall", report.score(), report.images().size(), together)).toString();
  }

  private static String line(String label, double score, int images, String note) {
    return String.format(Locale.ROOT, "%-8s %.10f  (%d image%s%s)%n", label, score, images, images == 1 ? "" : "s",
        note);
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
