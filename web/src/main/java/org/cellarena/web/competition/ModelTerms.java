package org.cellarena.web.competition;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What makes a competition a {@code model} one (web/docs/model-competitions.md): the few test images handed out,
 * and the bounds on the server's inference of a team's model.
 *
 * @param sampleTest the test image ids handed out; every other test image stays on the server
 * @param timeLimit the longest one submission's inference may run
 * @param computeMinutesPerDay the inference minutes a team may use per day (UTC) in this competition
 * @param maxArchiveBytes the largest model archive accepted
 */
public record ModelTerms(List<String> sampleTest, Duration timeLimit, double computeMinutesPerDay,
    long maxArchiveBytes) {
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(20);
  public static final double DEFAULT_COMPUTE_MINUTES = 60;
  public static final long DEFAULT_ARCHIVE_MB = 1024;

  public ModelTerms {
    sampleTest = List.copyOf(sampleTest);
  }

  /** A duration as the team reads it: "20 min", "90 s", "0.5 s". */
  public static String minutes(Duration d) {
    long millis = d.toMillis();
    if (millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** A number of minutes as the team reads it: whole ones as such ("58"), a fraction as precise as needed. */
  public static String count(double minutes) {
    return minutes == Math.floor(minutes) ? String.valueOf((long) minutes)
        : String.format(Locale.ROOT, "%.3g", minutes);
  }

  /** As {@code competition.json} writes the {@code inference} object. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("time_limit_minutes", timeLimit.toMillis() / 60_000.0)
        .put("compute_minutes_per_day", computeMinutesPerDay)
        .put("max_archive_mb", maxArchiveBytes / (1024 * 1024));
  }

  public JsonArray sampleTestJson() {
    return new JsonArray(sampleTest);
  }
}
