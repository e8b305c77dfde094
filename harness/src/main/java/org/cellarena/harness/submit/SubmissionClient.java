package org.cellarena.harness.submit;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Uploads submissions to a CellArena server and follows them, as one team (its bearer token). */
public final class SubmissionClient {
  private final URI server;
  private final String token;
  private final HttpClient http;

  /** @param server the server's base URL, e.g. http://localhost:8080 */
  public SubmissionClient(URI server, String token) {
    String base = server.toString().replaceAll("/+$", "");
    this.server = URI.create(base);
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Uploads a submission file (.csv or .csv.gz) as a raw body; returns the server's answer (id, status, status_url). */
  public JsonObject upload(String competition, Path file, String description) throws IOException, InterruptedException {
    if (!Files.isRegularFile(file)) {
      throw new ServerException("no submission file " + file);
    }
    StringBuilder query = new StringBuilder("?filename=").append(encode(file.getFileName().toString()));
    if (description != null && !description.isBlank()) {
      query.append("&description=").append(encode(description));
    }
    boolean gzip = file.getFileName().toString().endsWith(".gz");
    HttpRequest request = request("/api/competitions/" + encode(competition) + "/submissions" + query)
        .header("Content-Type", gzip ? "application/gzip" : "text/csv")
        .POST(HttpRequest.BodyPublishers.ofFile(file))
        .build();
    return send(request, 202);
  }

  /** The submission's status JSON (status, queue_position, public_score, error, ...). */
  public JsonObject status(long submissionId) throws IOException, InterruptedException {
    return send(request("/api/submissions/" + submissionId).GET().build(), 200);
  }

  /**
   * Polls the status until it is {@code scored} or {@code failed}; {@code onChange} sees each new status or
   * queue position. Throws when {@code timeout} passes first.
   */
  public JsonObject await(long submissionId, Duration timeout, Consumer<JsonObject> onChange)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    long pause = 200;
    while (true) {
      JsonObject status = status(submissionId);
      String state = status.getString("status", "?");
      String seen = state + "/" + status.getValue("queue_position");
      if (!seen.equals(last)) {
        onChange.accept(status);
        last = seen;
      }
      if ("scored".equals(state) || "failed".equals(state)) {
        return status;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ServerException("submission " + submissionId + " is still " + state + " after "
            + timeout.toSeconds() + " s; follow it at " + server + "/api/submissions/" + submissionId);
      }
      Thread.sleep(pause);
      pause = Math.min(2000, pause * 3 / 2);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server + path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private JsonObject send(HttpRequest request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new ServerException("cannot reach the server at " + server + " (is ./cellarena serve running?)");
    }
    JsonObject body;
    try {
      body = response.body().isBlank() ? new JsonObject() : new JsonObject(response.body());
    } catch (DecodeException e) {
      throw new ServerException(request.method() + " " + request.uri() + ": HTTP " + response.statusCode()
          + ", not JSON: " + abbreviate(response.body()));
    }
    if (response.statusCode() != expected) {
      String reason = body.getString("error", abbreviate(response.body()));
      throw new ServerException(request.method() + " " + request.uri().getPath() + ": HTTP "
          + response.statusCode() + ": " + reason);
    }
    return body;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
