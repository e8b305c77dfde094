package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teams, rescoring (old results kept beside new ones), export and the audit log. */
class AdminTest {
  @TempDir Path dataDir;

  @Test
  void aRescoreAfterTheSolutionChangedKeepsTheOldResultBesideTheNew() throws Exception {
    String token;
    long id;
    double before;
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      token = fx.createTeam("rescored");
      id = fx.submit(token, ServerFixture.exampleSubmission());
      before = fx.awaitFinal(id, token).getDouble("public_score");
      // a rescore under the same scorer and solution replaces its own result
      assertEquals(202, fx.http.post("/api/admin/submissions/" + id + "/rescore", ServerFixture.ADMIN).status());
      fx.awaitFinal(id, token);
      assertEquals(1, results(fx, id).size());
    }
    // the host moves one Private image to the Public board
    Path solution = dataDir.resolve("competitions/example/solution.csv");
    List<String> lines = Files.readAllLines(solution).stream()
        .map(l -> l.startsWith("ex-astro-5,") ? l.replace(",Private", ",Public") : l).collect(Collectors.toList());
    Files.write(solution, lines);
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      assertEquals(before, fx.http.get("/api/submissions/" + id, token).json().getDouble("public_score"),
          "the old result stands until the rescore");
      Http.Reply rescore = fx.http.post("/api/admin/competitions/example/rescore", ServerFixture.ADMIN);
      assertEquals(202, rescore.status(), rescore.body());
      assertEquals(1, rescore.json().getInteger("queued"));
      double after = fx.awaitFinal(id, token).getDouble("public_score");
      assertNotEquals(before, after);
      JsonArray results = results(fx, id);
      assertEquals(2, results.size(), results.encode());
      assertNotEquals(results.getJsonObject(0).getString("solution_hash"),
          results.getJsonObject(1).getString("solution_hash"));
      assertEquals(before, results.getJsonObject(0).getDouble("public_score"), 1e-12);
      assertEquals(after, results.getJsonObject(1).getDouble("public_score"), 1e-12);
    }
  }

  @Test
  void exportAndTheAuditLogRecordAdminActions() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String token = fx.createTeam("exported, team");
      long id = fx.submit(token, ServerFixture.exampleSubmission());
      fx.awaitFinal(id, token);
      fx.http.post("/api/admin/competitions/example/reveal", ServerFixture.ADMIN);

      Http.Reply csv = fx.http.get("/api/admin/competitions/example/export", ServerFixture.ADMIN);
      assertEquals(200, csv.status());
      String[] lines = csv.body().split("\n");
      assertTrue(lines[0].startsWith("submission,team,created_at,status"), lines[0]);
      assertTrue(lines[1].startsWith(id + ",\"exported, team\","), lines[1]);
      assertEquals(2, lines.length);

      JsonObject teams = fx.http.get("/api/admin/teams", ServerFixture.ADMIN).json();
      assertEquals("exported, team", teams.getJsonArray("teams").getJsonObject(0).getString("name"));

      JsonArray entries = fx.http.get("/api/admin/audit", ServerFixture.ADMIN).json().getJsonArray("entries");
      List<String> actions = entries.stream().map(e -> ((JsonObject) e).getString("action")).toList();
      assertEquals(List.of("team.create", "reveal", "export"), actions);
      assertEquals("example", entries.getJsonObject(1).getString("target"));
      assertTrue(entries.encode().indexOf(token) < 0, "no token in the audit log");
    }
  }

  private static JsonArray results(ServerFixture fx, long id) {
    JsonObject export = fx.http.get("/api/admin/competitions/example/export?format=json", ServerFixture.ADMIN).json();
    for (Object o : export.getJsonArray("submissions")) {
      JsonObject s = (JsonObject) o;
      if (s.getLong("id") == id) {
        return s.getJsonArray("results");
      }
    }
    throw new AssertionError("submission " + id + " not exported");
  }
}
