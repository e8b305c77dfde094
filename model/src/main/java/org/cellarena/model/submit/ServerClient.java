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
 * The one client of a CellArena server's HTTP API (for {@code submit}, {@code train --submit}, {@code leaderboard}
 * and the tests), as one team or the admin (bearer token) or anonymously (no token): uploads a submission file or
 * a model archive as the raw body of {@code POST /api/competitions/{id}/submissions?filename=...}, polls {@code GET
 * /api/submissions/{id}} until it is {@code scored} or {@code failed}, reads leaderboards and downloads files.
 * The model never uses the server's classes, only its HTTP API.
 */
public final class ServerClient {
  private final URI server;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** An answer other than the one expected: its status and the server's reason (its {@code error}, or the body). */
  public static final class HttpException extends IOException {
    private final int status;
    private final String reason;

    HttpException(String message, int status, String reason) {
      super(message);
      this.status = status;
      this.reason = reason;
    }

    public int status() {
      return status;
    }

    public String reason() {
      return reason;
    }
  }

  /** A client of {@code server}; {@code token} may be null or blank for the anonymous parts of the API. */
  public ServerClient(URI server, String token) {
    this.server = URI.create(server.toString().replaceAll("/+$", ""));
    this.token = token;
  }

  /** Uploads a submission CSV (plain or gzip); returns the server's receipt ({@code id}, {@code status}, ...). */
  public JsonObject upload(String competition, Path file, String description) throws IOException, InterruptedException {
    return post(competition, file, file.toString().endsWith(".gz") ? "application/gzip" : "text/csv", description);
  }

  /**
   * Submits a model archive (a zip of config, weights and thresholds, see {@code ModelArchive}) to a {@code model}
   * competition, which runs it on its hidden test images; returns the receipt.
   */
  public JsonObject submitModel(String competition, Path zip, String description)
      throws IOException, InterruptedException {
    return post(competition, zip, "application/zip", description);
  }

  /** The competition's kind: {@code model} (the server runs submitted models) or {@code csv} (also when absent). */
  public String competitionKind(String competition) throws IOException, InterruptedException {
    JsonObject c = send(request("/api/competitions/" + encode(competition)).GET().build(), 200);
    return c.has("kind") && !c.get("kind").isJsonNull() ? c.get("kind").getAsString() : "csv";
  }

  private JsonObject post(String competition, Path file, String contentType, String description)
      throws IOException, InterruptedException {
    String query = "?filename=" + encode(file.getFileName().toString())
        + (description == null ? "" : "&description=" + encode(description));
    HttpRequest req = request("/api/competitions/" + encode(competition) + "/submissions" + query)
        .header("Content-Type", contentType)
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

  /** A competition's leaderboard ({@code rows}: rank, team, score, ci95, entries, last), public or private. */
  public JsonObject leaderboard(String competition, boolean privateBoard) throws IOException, InterruptedException {
    String path = "/api/competitions/" + encode(competition) + "/leaderboard" + (privateBoard ? "/private" : "");
    return send(request(path).GET().build(), 200);
  }

  /** {@code GET path} as it is answered, whatever the status: downloads, and tests of what the server refuses. */
  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return exchange(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(5))
        .header("Accept", "application/json");
    return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
  }

  private JsonObject send(HttpRequest req, int expected) throws IOException, InterruptedException {
    HttpResponse<String> resp = exchange(req, HttpResponse.BodyHandlers.ofString());
    JsonObject body;
    try {
      body = resp.body().isBlank() ? new JsonObject() : JsonParser.parseString(resp.body()).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new HttpException(req.method() + " " + req.uri() + ": HTTP " + resp.statusCode() + ", not JSON",
          resp.statusCode(), resp.body());
    }
    if (resp.statusCode() != expected) {
      String reason = body.has("error") ? body.get("error").getAsString() : resp.body();
      throw new HttpException(req.method() + " " + req.uri().getPath() + ": HTTP " + resp.statusCode() + ": "
          + reason, resp.statusCode(), reason);
    }
    return body;
  }

  private <T> HttpResponse<T> exchange(HttpRequest req, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    try {
      return http.send(req, body);
    } catch (ConnectException e) {
      throw new IOException("cannot reach the server at " + server);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
