package org.cellarena.web.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.cellarena.web.api.Http;

/** The few API calls the benchmarks make against the server they started, over loopback HTTP. */
final class BenchApi {
  /** How long an upload may take: a large file is parsed before it is answered. */
  static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

  private final Http http;
  private final String admin;
  private final String competition;

  BenchApi(String base, String admin, String competition) {
    this.http = new Http(base);
    this.admin = admin;
    this.competition = competition;
  }

  Http http() {
    return http;
  }

  /** Creates a team; returns its token. */
  String createTeam(String name) {
    return http.postJson("/api/admin/teams", admin, new JsonObject().put("name", name)).json().getString("token");
  }

  /** Uploads a CSV (plain or gzip) as the team; the answer, whatever its status. */
  Http.Reply tryUpload(String team, byte[] csv) {
    return http.postBytes("/api/competitions/" + competition + "/submissions", team, "text/csv", csv,
        UPLOAD_TIMEOUT);
  }

  /** Uploads a CSV (plain or gzip) as the team; returns the new submission's id. */
  long upload(String team, byte[] csv) {
    Http.Reply r = tryUpload(team, csv);
    if (r.status() != 202) {
      throw new IllegalStateException("upload answered " + r.status() + ": " + r.body());
    }
    return r.json().getLong("id");
  }

  /** The submission's status JSON. */
  JsonObject status(long id, String team) {
    return http.get("/api/submissions/" + id, team).json();
  }
}
