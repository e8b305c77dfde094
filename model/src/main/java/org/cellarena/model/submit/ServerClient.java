package org.cellarena.model.submit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

/**
 * Talks to a CellArena evaluation server over HTTP as one team (bearer token): uploads a submission file as the raw
 * body of {@code POST /api/competitions/{id}/submissions?filename=...} and polls {@code GET /api/submissions/{id}}
 * until it is {@code scored} or {@code failed}. The model never uses the server's classes, only its HTTP API.
 */
public final class ServerClient {
  private final URI server;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public ServerClient(URI server, String token) {
    this.server = URI.create(server.toString().replaceAll("/+$", ""));
    this.token = token;
  }

  /** Uploads; returns the server's receipt ({@code id}, {@code status}, ...). */
  public JsonObject upload(String competition, Path file, String description) throws IOException, InterruptedException {
    String query = "?filename=" + encode(file.getFileName().toString())
        + (description == null ? "" : "&description=" + encode(description));
    HttpRequest req = request("/api/competitions/" + encode(competition) + "/submissions" + query)
        .header("Content-Type", file.toString().endsWith(".gz") ? "application/gzip" : "text/csv")
        .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
    return send(req, 202);
  }

  /** Polls until scored or failed, or throws after {@code timeout}. */
  public JsonObject await(long id, Duration timeout, Consumer<JsonObject> onChange)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    long pause = 200;
    while (true) {
      JsonObject s = send(request("/api/submissions/" + id).GET().build(), 200);
      String state = s.has("status") ? s.get("status").getAsString() : "?";
      String seen = state + "/" + s.get("queue_position");
      if (!seen.equals(last)) {
        onChange.accept(s);
        last = seen;
      }
      if (state.equals("scored") || state.equals("failed")) {
        return s;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("submission " + id + " is still " + state + " after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(pause);
      pause = Math.min(2000, pause * 3 / 2);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private JsonObject send(HttpRequest req, int expected) throws IOException, InterruptedException {
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException("cannot reach the server at " + server);
    }
    JsonObject body;
    try {
      body = resp.body().isBlank() ? new JsonObject() : JsonParser.parseString(resp.body()).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IOException(req.method() + " " + req.uri() + ": HTTP " + resp.statusCode() + ", not JSON");
    }
    if (resp.statusCode() != expected) {
      String reason = body.has("error") ? body.get("error").getAsString() : resp.body();
      throw new IOException(req.method() + " " + req.uri().getPath() + ": HTTP " + resp.statusCode() + ": " + reason);
    }
    return body;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
