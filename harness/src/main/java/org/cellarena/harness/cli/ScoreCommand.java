package org.cellarena.harness.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.metric.ImageResult;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.metric.Thresholds;
import org.cellarena.web.scoring.ScoreSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Scores a submission: the competition metric, its interval, and optionally the per-image breakdown. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Score a submission against a solution (Sartorius mAP over IoU 0.50..0.95).",
        "Prints the score of the Public images (the public leaderboard's), of the Private images and of all of them, "
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
    Solution solution = inputs.readSolution();
    ScoreReport report = Scorer.score(solution, inputs.readSubmission(solution));
    if (perImage != null) {
      writePerImage(report, perImage);
    }
    if (json) {
      spec.commandLine().getOut().println(toJson(report).encodePrettily());
    } else {
      spec.commandLine().getOut().print(labelled(report));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** "Public   0.1234567890  (4 images)", then Private and overall: the parts are never taken for one another. */
  static String labelled(ScoreReport report) {
    StringBuilder s = new StringBuilder();
    report.usageScores().forEach((usage, score) ->
        s.append(line(usage.label(), score, report.where(usage).images().size(), "")));
    String together = report.usageScores().size() > 1 ? ", Public and Private together" : "";
    return s.append(line("overall", report.score(), report.images().size(), together)).toString();
  }

  private static String line(String label, double score, int images, String note) {
    return String.format(Locale.ROOT, "%-8s %.10f  (%d image%s%s)%n", label, score, images, images == 1 ? "" : "s",
        note);
  }

  /** The report as the JSON that {@code --json} prints. */
  static JsonObject toJson(ScoreReport report) {
    double[] ci = report.ci95();
    JsonObject types = new JsonObject();
    report.cellTypeScores().forEach(types::put);
    JsonObject usage = new JsonObject();
    report.usageScores().forEach((u, s) -> usage.put(u.label(), s));
    return new JsonObject()
        .put("score", report.score())
        .put("ci95", new JsonArray().add(ci[0]).add(ci[1]))
        .put("thresholds", doubles(Thresholds.values()))
        .put("precision", doubles(report.precisionPerThreshold()))
        .put("cell_types", types)
        .put("usage", usage)
        .put("missed", report.missed())
        .put("spurious", report.spurious())
        .put("split", report.split())
        .put("merged", report.merged())
        .put("images", ScoreSummary.images(report));
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

  private static JsonArray doubles(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }
}
