package org.cellarena.web.competition;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;

/** Reads {@code kind}, {@code sample_test} and {@code inference} of {@code competition.json}, each checked. */
final class ModelTermsReader {
  private static final List<String> INFERENCE_KEYS =
      List.of("time_limit_minutes", "compute_minutes_per_day", "max_archive_mb");
  /** A day; a longer inference is a mistake in the folder. */
  private static final double MAX_MINUTES = 24 * 60;
  /** Just under 4 GiB: a larger archive needs zip64, which the archive guard refuses. */
  private static final long MAX_ARCHIVE_MB = 4095;
  private static final int MAX_SAMPLE_TEST = 100;

  private ModelTermsReader() {}

  /** The model terms, or null for a {@code csv} competition. */
  static ModelTerms read(JsonObject json, Solution solution, String source) {
    Object kind = json.getValue("kind");
    boolean model = "model".equals(kind);
    if (kind != null && !model && !"csv".equals(kind)) {
      throw new CompetitionException(source + ": \"kind\" must be \"csv\" or \"model\" (got " + kind + ")");
    }
    if (!model) {
      for (String key : List.of("sample_test", "inference")) {
        if (json.containsKey(key)) {
          throw new CompetitionException(source + ": \"" + key + "\" is only for a competition of \"kind\": "
              + "\"model\"");
        }
      }
      return null;
    }
    JsonObject inference = inference(json, source);
    return new ModelTerms(sampleTest(json, solution, source),
        Duration.ofMillis(Math.round(60_000 * number(inference, "time_limit_minutes",
            ModelTerms.DEFAULT_TIME_LIMIT.toMinutes(), MAX_MINUTES, source))),
        number(inference, "compute_minutes_per_day", ModelTerms.DEFAULT_COMPUTE_MINUTES, MAX_MINUTES, source),
        wholeMegabytes(inference, source) * 1024 * 1024);
  }

  private static JsonObject inference(JsonObject json, String source) {
    Object value = json.getValue("inference");
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject inference)) {
      throw new CompetitionException(source + ": \"inference\" must be an object like {\"time_limit_minutes\": 20}");
    }
    for (String key : inference.fieldNames()) {
      if (!INFERENCE_KEYS.contains(key)) {
        throw new CompetitionException(source + ": unknown key \"" + key + "\" in \"inference\" (known: "
            + String.join(", ", INFERENCE_KEYS) + ")");
      }
    }
    return inference;
  }

  /** The sample ids: test images of the solution that count for no board (they are handed out). */
  private static List<String> sampleTest(JsonObject json, Solution solution, String source) {
    Object value = json.getValue("sample_test");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray ids) || ids.size() > MAX_SAMPLE_TEST) {
      throw new CompetitionException(source + ": \"sample_test\" must be a list of at most " + MAX_SAMPLE_TEST
          + " test image ids");
    }
    Set<String> sample = new LinkedHashSet<>();
    for (Object id : ids) {
      SolutionImage image = id instanceof String s ? solution.image(s) : null;
      if (image == null) {
        throw new CompetitionException(source + ": \"sample_test\" names " + id + ", which is no image of "
            + "solution.csv");
      }
      if (image.usage() != Usage.FEEDBACK) {
        throw new CompetitionException(source + ": the sample test image " + id + " is handed out, so it must "
            + "count for no board: give it the Usage Feedback in solution.csv (it has " + image.usage().label()
            + ")");
      }
      sample.add(image.id());
    }
    return new ArrayList<>(sample);
  }

  private static double number(JsonObject json, String key, double fallback, double max, String source) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= max) {
      return n.doubleValue();
    }
    throw new CompetitionException(source + ": \"inference\".\"" + key + "\" must be a number of minutes above 0 "
        + "and at most " + (long) max + " (got " + value + ")");
  }

  private static long wholeMegabytes(JsonObject json, String source) {
    Object value = json.getValue("max_archive_mb");
    if (value == null) {
      return ModelTerms.DEFAULT_ARCHIVE_MB;
    }
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0
        && n.longValue() <= MAX_ARCHIVE_MB) {
      return n.longValue();
    }
    throw new CompetitionException(source + ": \"inference\".\"max_archive_mb\" must be a whole number from 1 to "
        + MAX_ARCHIVE_MB + " (got " + value + ")");
  }
}
