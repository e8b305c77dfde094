package org.cellarena.harness.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
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
    String path = "/api/competitions/" + competition + "/leaderboard" + (privateBoard ? "/private" : "");
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      throw new UserException("cannot reach the server at " + server);
    }
    if (response.statusCode() != 200) {
      String error = response.body();
      try {
        error = new JsonObject(error).getString("error", error);
      } catch (RuntimeException notJson) {
        // keep the body as it is
      }
      throw new UserException("HTTP " + response.statusCode() + ": " + error);
    }
    print(new JsonObject(response.body()).getJsonArray("rows"), spec.commandLine().getOut());
    return 0;
  }

  private void print(JsonArray rows, PrintWriter out) {
    out.printf("%s leaderboard of %s%n", privateBoard ? "Private" : "Public", competition);
    out.printf("%4s  %-28s %10s  %-19s %7s  %s%n", "rank", "team", "score", "95% CI", "entries", "last");
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      JsonArray ci = row.getJsonArray("ci95");
      String interval = ci == null || ci.size() < 2 || ci.getValue(0) == null ? ""
          : "[" + SubmissionLines.score(ci.getDouble(0)) + ", " + SubmissionLines.score(ci.getDouble(1)) + "]";
      Double score = row.getDouble("score");
      out.printf("%4s  %-28s %10s  %-19s %7s  %s%n", row.getValue("rank"), row.getString("team"),
          score == null ? "-" : SubmissionLines.score(score), interval,
          row.getValue("entries") == null ? "" : row.getValue("entries"), row.getValue("last", ""));
    }
    if (rows.isEmpty()) {
      out.println("  (no scored submissions yet)");
    }
    out.flush();
  }
}
