package org.cellarena.harness.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Thresholds;
import org.cellarena.web.scoring.ScoreSummary;

/** The JSON report of {@code score --json}; apart from ScoreCommand so that a plain score loads no Vert.x class. */
final class ScoreJson {
  private ScoreJson() {}

  /** The report as the JSON that {@code --json} prints. */
  static JsonObject of(ScoreReport report) {
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

  private static JsonArray doubles(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }
}
