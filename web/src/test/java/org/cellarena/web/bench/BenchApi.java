package org.cellarena.web.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few API calls the benchmarks make against the server they started, over loopback HTTP. */
final class BenchApi {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String admin;
  private final String competition;

  BenchApi(String base, String admin, String competition) {
    this.base = base;
    this.admin = admin;
    this.competition = competition;
  }

  HttpClient http() {
    return http;
  }

  String base() {
    return base;
  }

  /** Creates a team; returns its token. */
  String createTeam(String name) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/teams"))
        .header("Authorization", "Bearer " + admin)
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", name).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).getString("token");
  }

  /** Uploads a CSV (plain or gzip) as the team; returns the new submission's id. */
  long upload(String team, byte[] csv) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/competitions/" + competition
        + "/submissions")).header("Authorization", "Bearer " + team).header("Content-Type", "text/csv")
        .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body()).getLong("id");
  }

  /** The submission's status JSON. */
  JsonObject status(long id, String team) throws Exception {
    return new JsonObject(http.send(HttpRequest.newBuilder(URI.create(base + "/api/submissions/" + id))
        .header("Authorization", "Bearer " + team).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
  }
}
