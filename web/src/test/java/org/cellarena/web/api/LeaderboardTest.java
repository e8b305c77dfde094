package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public board (best per team, ties to the earlier), its CSV, final picks, the private board and the reveal. */
class LeaderboardTest {
  @TempDir Path dataDir;

  /** The example submission predicting no cells on the two Private images: same public, zero private score. */
  static byte[] withoutPrivateCells() {
    return withoutCells("ex-astro-5", "ex-cort-6");
  }

  /** The example submission predicting no cells on one Public image: a lower public score. */
  static byte[] worsePublic() {
    return withoutCells("ex-cort-3");
  }

  /** The example submission with the given images listed but left empty (no predicted cells). */
  static byte[] withoutCells(String... imageIds) {
    StringBuilder sb = new StringBuilder();
    java.util.Set<String> emptied = new java.util.HashSet<>();
    for (String line : new String(ServerFixture.exampleSubmission(), StandardCharsets.UTF_8).split("\n")) {
      String id = line.substring(0, line.indexOf(','));
      if (java.util.List.of(imageIds).contains(id)) {
        if (emptied.add(id)) {
          sb.append(id).append(",\n");
        }
      } else {
        sb.append(line).append('\n');
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bestPerTeamWithTiesToTheEarlierSubmissionAndCsv() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String early = fx.createTeam("early bird");
      String late = fx.createTeam("late, but equal");
      long e1 = fx.submit(early, ServerFixture.exampleSubmission());
      fx.awaitFinal(e1, early);
      long l1 = fx.submit(late, ServerFixture.exampleSubmission());
      fx.awaitFinal(l1, late);
      long l2 = fx.submit(late, worsePublic());
      fx.awaitFinal(l2, late);

      JsonObject board = fx.http.get("/api/competitions/example/leaderboard", null).json();
      assertEquals("example", board.getString("competition"));
      JsonArray rows = board.getJsonArray("rows");
      assertEquals(2, rows.size());
      JsonObject first = rows.getJsonObject(0);
      JsonObject second = rows.getJsonObject(1);
      assertEquals(1, first.getInteger("rank"));
      assertEquals("early bird", first.getString("team"));
      assertEquals(e1, first.getLong("submission"));
      assertEquals("late, but equal", second.getString("team"));
      assertEquals(first.getDouble("score"), second.getDouble("score"));
      assertEquals(l1, second.getLong("submission"), "the team's best, not its latest");
      assertEquals(2, second.getInteger("entries"));
      assertEquals(1, first.getInteger("entries"));

      Http.Reply csv = fx.http.get("/api/competitions/example/leaderboard?format=csv", null);
      assertTrue(csv.header("Content-Type").startsWith("text/csv"));
      String[] lines = csv.body().split("\n");
      assertEquals("rank,team,score,ci_low,ci_high,entries,last,benchmark", lines[0]);
      assertTrue(lines[1].startsWith("1,early bird,"), lines[1]);
      assertTrue(lines[2].startsWith("2,\"late, but equal\","), lines[2]);
    }
  }

  @Test
  void thePrivateBoardRanksFinalPicksAndStaysHiddenUntilTheReveal() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("picker");
      long full = fx.submit(team, ServerFixture.exampleSubmission());
      long noPrivate = fx.submit(team, withoutPrivateCells());
      long worse = fx.submit(team, worsePublic());
      for (long id : new long[] {full, noPrivate, worse}) {
        assertEquals("scored", fx.awaitFinal(id, team).getString("status"));
      }
      assertEquals(403, fx.http.get("/api/competitions/example/leaderboard/private", null).status());
      assertEquals(403, fx.http.get("/api/competitions/example/leaderboard/private", team).status());
      assertNull(fx.http.get("/api/submissions/" + full, team).json().getValue("private_score"));
      JsonObject hidden = fx.http.get("/api/submissions/" + full + "/detail", team).json();
      assertFalse(hidden.getBoolean("revealed"));
      assertTrue(hidden.containsKey("private"), hidden.encode());
      assertNull(hidden.getValue("private"), "no private summary before the reveal");
      JsonArray hiddenRows = hidden.getJsonArray("images");
      assertEquals(4, hiddenRows.size(), hidden.encode());
      for (int i = 0; i < hiddenRows.size(); i++) {
        assertEquals("Public", hiddenRows.getJsonObject(i).getString("usage"), "only Public rows before the reveal");
      }

      // picks: only the submission without private cells, whose private score is 0
      assertEquals(200, fx.http.put("/api/submissions/" + noPrivate + "/final", team).status());
      Http.Reply secondPick = fx.http.put("/api/submissions/" + worse + "/final", team);
      assertEquals(200, secondPick.status(), secondPick.body());
      Http.Reply third = fx.http.put("/api/submissions/" + full + "/final", team);
      assertEquals(409, third.status(), "two picks at most: " + third.body());
      assertEquals(200, fx.http.delete("/api/submissions/" + worse + "/final", team).status());

      // the admin can look before the reveal, which it does not make
      JsonObject adminDetail = fx.http.get("/api/submissions/" + full + "/detail", ServerFixture.ADMIN).json();
      assertFalse(adminDetail.getBoolean("revealed"), adminDetail.encode());
      assertFalse(adminDetail.getJsonObject("private").isEmpty());
      assertEquals(6, adminDetail.getJsonArray("images").size());
      JsonObject adminBoard = fx.http.get("/api/competitions/example/leaderboard/private", ServerFixture.ADMIN).json();
      assertEquals(noPrivate, adminBoard.getJsonArray("rows").getJsonObject(0).getLong("submission"));

      assertEquals(200, fx.http.post("/api/admin/competitions/example/reveal", ServerFixture.ADMIN).status());
      JsonObject board = fx.http.get("/api/competitions/example/leaderboard/private", null).json();
      JsonObject row = board.getJsonArray("rows").getJsonObject(0);
      assertEquals("picker", row.getString("team"));
      assertEquals(noPrivate, row.getLong("submission"), "the explicit pick, though another scores better");
      assertEquals(0.0, row.getDouble("score"), 1e-12);

      JsonObject status = fx.http.get("/api/submissions/" + full, team).json();
      assertTrue(status.getDouble("private_score") > 0);
      JsonObject detail = fx.http.get("/api/submissions/" + full + "/detail", team).json();
      assertTrue(detail.getBoolean("revealed"));
      assertEquals(6, detail.getJsonArray("images").size(), "private rows after the reveal");
      assertFalse(detail.getJsonObject("private").isEmpty());
      assertEquals(409, fx.http.put("/api/submissions/" + full + "/final", team).status(), "picks are frozen");
      assertTrue(fx.http.get("/api/competitions/example", null).json().getBoolean("revealed"));
    }
  }

  @Test
  void withoutExplicitPicksTheBestPublicOnesCount() {
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c)) {
      String team = fx.createTeam("no picks");
      long worse = fx.submit(team, worsePublic());
      long noPrivate = fx.submit(team, withoutPrivateCells());
      long full = fx.submit(team, ServerFixture.exampleSubmission());
      for (long id : new long[] {worse, noPrivate, full}) {
        fx.awaitFinal(id, team);
      }
      JsonObject mine = fx.http.get("/api/competitions/example/submissions", team).json();
      JsonArray picks = mine.getJsonObject("final_picks").getJsonArray("submissions");
      assertEquals(new JsonArray().add(noPrivate).add(full), picks, "the two best public, ties to the earlier");
      JsonObject board = fx.http.get("/api/competitions/example/leaderboard/private", ServerFixture.ADMIN).json();
      assertEquals(full, board.getJsonArray("rows").getJsonObject(0).getLong("submission"));
    }
  }
}
