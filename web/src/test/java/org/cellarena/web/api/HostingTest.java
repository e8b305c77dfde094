package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a host does while a competition runs: disable a team, replace a leaked token, mark a baseline, follow the
 * submissions and the queue, change the settings without a restart, let participants register, reveal.
 */
class HostingTest {
  private static final String ADMIN = ServerFixture.ADMIN;
  private static final String UPLOAD = "/api/competitions/example/submissions";

  @TempDir Path dataDir;

  @Test
  void aDisabledTeamIsRefusedAndOffTheBoardsUntilEnabled() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String token = fx.createTeam("noisy");
      long id = teamId(fx, "noisy");
      fx.awaitFinal(fx.submit(token, ServerFixture.exampleSubmission()), token);
      assertEquals(List.of("noisy"), teams(fx, "/api/competitions/example/leaderboard"));

      assertEquals(200, fx.http.post("/api/admin/teams/" + id + "/disable", ADMIN).status());
      Http.Reply refused = fx.http.postBytes(UPLOAD, token, "text/csv", ServerFixture.exampleSubmission());
      assertEquals(403, refused.status(), refused.body());
      assertTrue(refused.json().getString("error").contains("disabled"));
      assertEquals(List.of(), teams(fx, "/api/competitions/example/leaderboard"));

      assertEquals(200, fx.http.post("/api/admin/teams/" + id + "/enable", ADMIN).status());
      assertEquals(List.of("noisy"), teams(fx, "/api/competitions/example/leaderboard"));
      assertEquals(202, fx.http.postBytes(UPLOAD, token, "text/csv", ServerFixture.exampleSubmission()).status());
      assertEquals(404, fx.http.post("/api/admin/teams/999/disable", ADMIN).status());
    }
  }

  @Test
  void aNewTokenReplacesTheOldOneAtOnce() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String old = fx.createTeam("leaky");
      assertEquals(200, fx.http.get("/api/me", old).status()); // remembered by the server
      Http.Reply renewed = fx.http.post("/api/admin/teams/" + teamId(fx, "leaky") + "/token", ADMIN);
      assertEquals(200, renewed.status(), renewed.body());
      String fresh = renewed.json().getString("token");
      assertEquals(401, fx.http.get("/api/me", old).status());
      assertEquals("leaky", fx.http.get("/api/me", fresh).json().getJsonObject("team").getString("name"));
    }
  }

  @Test
  void theAdminSeesEverySubmissionWithItsReasonAndTheQueue() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String token = fx.createTeam("careless");
      long failed = fx.submit(token, "id,predicted\nnope,1 1\n".getBytes(StandardCharsets.UTF_8));
      long scored = fx.submit(token, ServerFixture.exampleSubmission());
      fx.awaitFinal(failed, token);
      fx.awaitFinal(scored, token);
      JsonArray all = fx.http.get("/api/admin/competitions/example/submissions", ADMIN).json()
          .getJsonArray("submissions");
      assertEquals(2, all.size());
      JsonArray onlyFailed = fx.http.get("/api/admin/competitions/example/submissions?status=failed&team=careless",
          ADMIN).json().getJsonArray("submissions");
      assertEquals(1, onlyFailed.size());
      assertEquals(failed, onlyFailed.getJsonObject(0).getLong("id"));
      assertTrue(onlyFailed.getJsonObject(0).getString("error").contains("unknown image id"));
      assertEquals(400, fx.http.get("/api/admin/competitions/example/submissions?status=lost", ADMIN).status());
      assertEquals(403, fx.http.get("/api/admin/competitions/example/submissions", token).status());
      JsonObject queue = fx.http.get("/api/admin/queue", ADMIN).json();
      assertEquals(0, queue.getJsonArray("waiting").size());
      assertEquals(2, queue.getInteger("workers"));
    }
  }

  @Test
  void anEditedDeadlineTakesEffectAtOnceAndSurvivesARestart() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String token = fx.createTeam("punctual");
      Http.Reply edited = fx.http.patchJson("/api/admin/competitions/example", ADMIN,
          new JsonObject().put("deadline", "2020-01-01T00:00:00Z").put("daily_limit", 7).put("title", "Renamed"));
      assertEquals(200, edited.status(), edited.body());
      Http.Reply late = fx.http.postBytes(UPLOAD, token, "text/csv", ServerFixture.exampleSubmission());
      assertEquals(403, late.status(), "at once: " + late.body());
      Http.Reply bad = fx.http.patchJson("/api/admin/competitions/example", ADMIN,
          new JsonObject().put("daily_limit", 0));
      assertEquals(400, bad.status(), bad.body());
      assertTrue(fx.http.get("/api/admin/audit", ADMIN).body().contains("competition.edit"));
    }
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      JsonObject competition = fx.http.get("/api/competitions/example", null).json();
      assertEquals("2020-01-01T00:00:00Z", competition.getString("deadline"));
      assertEquals(7, competition.getInteger("daily_limit"));
      assertEquals("Renamed", competition.getString("title"));
    }
  }

  @Test
  void participantsRegisterWithTheHostsCodeOnly() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String path = "/api/competitions/example/register";
      JsonObject request = new JsonObject().put("name", "newcomer").put("code", "open-sesame-open-sesame");
      assertEquals(403, fx.http.postJson(path, null, request).status(), "closed until the host opens it");
      Http.Reply opened = fx.http.patchJson("/api/admin/competitions/example", ADMIN,
          new JsonObject().put("registration_code", "open-sesame-open-sesame"));
      assertEquals(200, opened.status(), opened.body());
      assertTrue(fx.http.get("/api/competitions/example", null).json().getBoolean("registration"));
      assertEquals(403, fx.http.postJson(path, null, request.copy().put("code", "guess")).status());
      Http.Reply created = fx.http.postJson(path, null, request);
      assertEquals(201, created.status(), created.body());
      String token = created.json().getString("token");
      assertEquals("newcomer", fx.http.get("/api/me", token).json().getJsonObject("team").getString("name"));
      assertEquals(409, fx.http.postJson(path, null, request).status(), "names are unique");
      assertEquals(201, fx.http.postJson(path, null, request.copy().put("name", "fifth")).status());
      Http.Reply limited = fx.http.postJson(path, null, request.copy().put("name", "sixth"));
      assertEquals(429, limited.status(), "five a minute per address: " + limited.body());
      assertTrue(!fx.http.get("/api/admin/audit", ADMIN).body().contains("open-sesame-open"), "the code stays secret");
    }
  }

  @Test
  void afterTheRevealThePrivateBoardShowsIntervalsPublicRanksAndCsv() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String good = fx.createTeam("steady");
      String baseline = fx.createTeam("baseline");
      assertEquals(200, fx.http.put("/api/admin/teams/" + teamId(fx, "baseline") + "/benchmark", ADMIN).status());
      fx.awaitFinal(fx.submit(good, LeaderboardTest.withoutPrivateCells()), good);
      fx.awaitFinal(fx.submit(baseline, LeaderboardTest.worsePublic()), baseline);
      assertEquals(200, fx.http.post("/api/admin/competitions/example/reveal", ADMIN).status());
      JsonArray rows = fx.http.get("/api/competitions/example/leaderboard/private", null).json()
          .getJsonArray("rows");
      JsonObject first = rows.getJsonObject(0);
      assertEquals("baseline", first.getString("team"), "the shake-up: best on Private");
      assertEquals(2, first.getInteger("public_rank"));
      assertTrue(first.getBoolean("benchmark"));
      assertNotNull(first.getJsonArray("ci95"));
      assertEquals(2, first.getJsonArray("ci95").size());
      assertEquals(1, rows.getJsonObject(1).getInteger("public_rank"));
      String csv = fx.http.get("/api/competitions/example/leaderboard/private?format=csv", null).body();
      assertTrue(csv.startsWith("rank,team,score,ci_low,ci_high,entries,last,benchmark,public_score,public_rank\n"
          + "1,baseline,"), csv);
      JsonArray history = fx.http.get("/api/competitions/example/leaderboard/history", null).json()
          .getJsonArray("teams");
      assertEquals(2, history.size());
      assertEquals(1, history.getJsonObject(0).getJsonArray("points").size());
    }
  }

  private static long teamId(ServerFixture fx, String name) {
    return fx.http.get("/api/admin/teams", ADMIN).json().getJsonArray("teams").stream()
        .map(t -> (JsonObject) t).filter(t -> t.getString("name").equals(name)).findFirst().orElseThrow()
        .getLong("id");
  }

  private static List<String> teams(ServerFixture fx, String board) {
    return fx.http.get(board, null).json().getJsonArray("rows").stream()
        .map(r -> ((JsonObject) r).getString("team")).toList();
  }
}
