package org.cellarena.model.submit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The console's lines about a submission, one format for {@code submit --wait}, {@code train --submit} and the
 * leaderboard: "  submission 3: queued (position 2)", then "submission 3: scored, public score 0.1229". Scores
 * show 4 decimals, as the web pages do.
 */
public final class SubmissionLines {
  private SubmissionLines() {}

  public static String score(double score) {
    return String.format(Locale.ROOT, "%.4f", score);
  }

  /** Prints each state on the way, indented; not the final one, which {@link #outcome} tells. */
  public static Consumer<JsonObject> progress(long id, Consumer<String> print) {
    return status -> {
      if (!isFinal(status)) {
        String position = text(status, "queue_position");
        print.accept("  submission " + id + ": " + text(status, "status")
            + (position != null ? " (position " + position + ")" : ""));
      }
    };
  }

  /** How a final status ended: scored with its public score, or failed with the reason. */
  public static String outcome(long id, JsonObject status) {
    if (isFailed(status)) {
      return failed(id, text(status, "error"));
    }
    String score = text(status, "public_score");
    return scored(id, score == null ? Double.NaN : Double.parseDouble(score));
  }

  /** {@code publicScore} NaN: the competition has no Public images. */
  public static String scored(long id, double publicScore) {
    return "submission " + id + ": scored, " + (Double.isNaN(publicScore)
        ? "no public score (the competition has no Public images)" : "public score " + score(publicScore));
  }

  public static String failed(long id, String reason) {
    return "submission " + id + ": failed: " + (reason != null ? reason : "(no reason given)");
  }

  public static boolean isFinal(JsonObject status) {
    String state = text(status, "status");
    return "scored".equals(state) || "failed".equals(state);
  }

  public static boolean isFailed(JsonObject status) {
    return "failed".equals(text(status, "status"));
  }

  /** A member as text, or null when absent or JSON null. */
  static String text(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
