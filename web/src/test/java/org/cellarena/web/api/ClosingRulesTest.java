package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kaggle's closing rules: after the deadline or the reveal nothing is uploaded, final picks lock at the deadline,
 * and only submissions made before the cutoff are ranked on either board or picked automatically.
 */
class ClosingRulesTest {
  private static final String BOARD = "/api/competitions/example/leaderboard";

  @TempDir Path dataDir;

  @Test
  void afterTheRevealWithNoDeadlineNothingIsUploadedAndTheBoardsStayAsTheyWere() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String early = fx.createTeam("early");
      long id = fx.submit(early, ServerFixture.exampleSubmission());
      fx.awaitFinal(id, early);
      assertEquals(200, fx.http.post("/api/admin/competitions/example/reveal", ServerFixture.ADMIN).status());

      String latecomer = fx.createTeam("latecomer");
      for (String team : List.of(early, latecomer)) {
        Http.Reply r = fx.http.postBytes("/api/competitions/example/submissions", team, "text/csv",
            ServerFixture.exampleSubmission());
        assertEquals(403, r.status(), r.body());
        assertTrue(r.json().getString("error").contains("revealed"), r.body());
      }
      Http.Reply multipart = fx.http.postMultipart("/api/competitions/example/submissions", latecomer, "late.csv",
          ServerFixture.exampleSubmission(), null);
      assertEquals(403, multipart.status(), multipart.body());
      assertEquals(List.of("early"), teams(fx.http.get(BOARD + "/private", null).json()));
      assertEquals(List.of("early"), teams(fx.http.get(BOARD, null).json()));
    }
  }

  @Test
  void onlySubmissionsMadeBeforeTheDeadlineAreRankedAndPicksLockAtIt() {
    String onTime;
    String late;
    long onTimeId;
    long lateId;
    Instant deadline;
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      onTime = fx.createTeam("on time");
      late = fx.createTeam("late");
      onTimeId = fx.submit(onTime, LeaderboardTest.worsePublic());
      fx.awaitFinal(onTimeId, onTime);
      ServerFixture.sleep(20);
      deadline = Instant.now();
      ServerFixture.sleep(20);
      // made after what will be the deadline: the host moved it earlier and restarted
      lateId = fx.submit(late, ServerFixture.exampleSubmission());
      fx.awaitFinal(lateId, late);
      assertEquals(List.of("late", "on time"), teams(fx.http.get(BOARD, null).json()));
    }
    Path json = dataDir.resolve("competitions/example/competition.json");
    rewrite(json, j -> j.put("deadline", deadline.toString()));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      assertEquals(List.of("on time"), teams(fx.http.get(BOARD, null).json()), "the late one is not ranked");
      Http.Reply pick = fx.http.put("/api/submissions/" + onTimeId + "/final", onTime);
      assertEquals(409, pick.status(), pick.body());
      assertTrue(pick.json().getString("error").startsWith("final picks locked at the deadline"), pick.body());
      JsonObject mine = fx.http.get("/api/competitions/example/submissions", late).json();
      assertEquals(0, mine.getJsonObject("final_picks").getJsonArray("submissions").size(),
          "a late submission is no automatic pick");
      assertEquals(200, fx.http.post("/api/admin/competitions/example/reveal", ServerFixture.ADMIN).status());
      assertEquals(List.of("on time"), teams(fx.http.get(BOARD + "/private", null).json()));
      Http.Reply upload = fx.http.postBytes("/api/competitions/example/submissions", late, "text/csv",
          ServerFixture.exampleSubmission());
      assertEquals(403, upload.status(), upload.body());
      assertTrue(upload.json().getString("error").contains("deadline"), upload.body());
    }
  }

  private static List<String> teams(JsonObject board) {
    JsonArray rows = board.getJsonArray("rows");
    return rows.stream().map(r -> ((JsonObject) r).getString("team")).toList();
  }

  private static void rewrite(Path file, java.util.function.UnaryOperator<JsonObject> edit) {
    try {
      JsonObject json = new JsonObject(java.nio.file.Files.readString(file));
      java.nio.file.Files.writeString(file, edit.apply(json).encodePrettily());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
