package org.cellarena.web.scoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.metric.ImageResult;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Thresholds;
import org.cellarena.web.store.MaskCounts;
import org.cellarena.web.store.NewResult;

/**
 * Turns the scoring module's report into what the server stores: the public, private and feedback summaries and
 * every image's row, as JSON (the {@code detail} of a result), and the numbers the leaderboards sort by.
 */
public final class ScoreSummary {
  private ScoreSummary() {}

  public static NewResult result(ScoreReport report, String scorerVersion, String solutionHash, double seconds,
      MaskCounts masks) {
    ScoreReport publicPart = report.where(Usage.PUBLIC);
    ScoreReport privatePart = report.where(Usage.PRIVATE);
    JsonObject publicSummary = part(publicPart); // the bootstrap interval is computed once, here
    JsonObject detail = new JsonObject()
        .put("scorer_version", scorerVersion)
        .put("solution_hash", solutionHash)
        .put("thresholds", array(Thresholds.values()))
        .put("public", publicSummary)
        .put("private", part(privatePart))
        .put("feedback", part(report.where(Usage.FEEDBACK)))
        .put("images", images(report));
    JsonArray ci = publicSummary == null ? null : publicSummary.getJsonArray("ci95");
    return new NewResult(scorerVersion, solutionHash, score(publicPart), ci == null ? null : ci.getDouble(0),
        ci == null ? null : ci.getDouble(1), score(privatePart), detail.encode(), seconds, masks);
  }

  /** The summary of one leaderboard part, or null when it has no images. */
  static JsonObject part(ScoreReport part) {
    if (part.images().isEmpty()) {
      return null;
    }
    JsonObject cellTypes = new JsonObject();
    for (Map.Entry<String, Double> e : part.cellTypeScores().entrySet()) {
      cellTypes.put(e.getKey(), number(e.getValue()));
    }
    return new JsonObject()
        .put("score", number(part.score()))
        .put("ci95", array(part.ci95()))
        .put("precision_per_threshold", array(part.precisionPerThreshold()))
        .put("cell_types", cellTypes)
        .put("missed", part.missed())
        .put("spurious", part.spurious())
        .put("split", part.split())
        .put("merged", part.merged())
        .put("images", part.images().size());
  }

  /** Every image's row: id, cell type, usage, score, counts, TP/FP/FN per threshold, error counts. */
  public static JsonArray images(ScoreReport report) {
    JsonArray rows = new JsonArray();
    for (ImageResult r : report.images()) {
      rows.add(new JsonObject()
          .put("id", r.id())
          .put("cell_type", r.cellType())
          .put("usage", r.usage().label())
          .put("score", number(r.score()))
          .put("cells", r.cells())
          .put("predictions", r.predictions())
          .put("tp", array(r.tp()))
          .put("fp", array(r.fp()))
          .put("fn", array(r.fn()))
          .put("missed", r.missed())
          .put("spurious", r.spurious())
          .put("split", r.split())
          .put("merged", r.merged()));
    }
    return rows;
  }

  private static Double score(ScoreReport part) {
    return part.images().isEmpty() ? null : number(part.score());
  }

  private static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static JsonArray array(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(number(v));
    }
    return a;
  }

  private static JsonArray array(int[] values) {
    JsonArray a = new JsonArray();
    for (int v : values) {
      a.add(v);
    }
    return a;
  }
}
