package org.cellarena.harness.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.cellarena.model.submit.ServerClient;
import org.cellarena.model.submit.SubmissionLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints a competition's leaderboard from a running server, as a table. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
    description = {"Print a competition's leaderboard from a running server.",
        "The private board needs the admin token until the reveal."})
public final class LeaderboardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--server", required = true, paramLabel = "URL", description = "The server, e.g. http://127.0.0.1:8080.")
  URI server;

  @Option(names = "--competition", required = true, paramLabel = "ID", description = "The competition id.")
  String competition;

  @Option(names = "--private", description = "The private leaderboard (final picks on the Private images).")
  boolean privateBoard;

  @Option(names = "--token", paramLabel = "T", defaultValue = "${env:CELLARENA_ADMIN_TOKEN}",
      description = "Admin token, for the private board before the reveal (default: $CELLARENA_ADMIN_TOKEN).")
  String token;

  @Override
  public Integer call() throws IOException, InterruptedException {
    JsonObject board;
    try {
      board = new ServerClient(server, token).leaderboard(competition, privateBoard);
    } catch (ServerClient.HttpException e) {
      throw new UserException("HTTP " + e.status() + ": " + e.reason());
    }
    print(board.getAsJsonArray("rows"), spec.commandLine().getOut());
    return 0;
  }

  private void print(JsonArray rows, PrintWriter out) {
    out.printf("%s leaderboard of %s%n", privateBoard ? "Private" : "Public", competition);
    out.printf("%4s  %-28s %10s  %-19s %7s  %s%n", "rank", "team", "score", "95% CI", "entries", "last");
    for (JsonElement element : rows) {
      JsonObject row = element.getAsJsonObject();
      JsonElement score = row.get("score");
      out.printf("%4s  %-28s %10s  %-19s %7s  %s%n", text(row, "rank"), text(row, "team"),
          score == null || score.isJsonNull() ? "-" : SubmissionLines.score(score.getAsDouble()),
          interval(row.get("ci95")),
          Objects.requireNonNullElse(text(row, "entries"), ""), Objects.requireNonNullElse(text(row, "last"), ""));
    }
    if (rows.isEmpty()) {
      out.println("  (no scored submissions yet)");
    }
    out.flush();
  }

  /** {@code [low, high]}, or empty when the row has no interval. */
  private static String interval(JsonElement ci) {
    if (ci == null || !ci.isJsonArray() || ci.getAsJsonArray().size() < 2 || ci.getAsJsonArray().get(0).isJsonNull()) {
      return "";
    }
    JsonArray bounds = ci.getAsJsonArray();
    return "[" + SubmissionLines.score(bounds.get(0).getAsDouble()) + ", "
        + SubmissionLines.score(bounds.get(1).getAsDouble()) + "]";
  }

  /** A member as text; null when absent or JSON null. */
  private static String text(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
