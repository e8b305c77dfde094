package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a determined participant tries: files past the scoring limits, a backlog ahead of other teams, spammed
 * failures, unbounded texts, overlays of what was never scored.
 */
class AbuseTest {
  private static final String UPLOAD = "/api/competitions/example/submissions";

  @TempDir Path dataDir;

  /** {@code n} one-pixel masks on one Public image, the other images listed empty. */
  static byte[] manyMasks(int n) {
    StringBuilder csv = new StringBuilder("id,predicted\n");
    for (int k = 0; k < n; k++) {
      csv.append("ex-cort-3,").append(2 * k + 1).append(" 1\n");
    }
    for (String id : List.of("ex-shsy5y-1", "ex-astro-2", "ex-shsy5y-4", "ex-astro-5", "ex-cort-6")) {
      csv.append(id).append(",\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFilePastACompetitionsLimitFailsNamingTheLimitTheLineAndTheImage() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("limits",
        new JsonObject().put("masks_per_image", 10)));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      JsonObject competition = fx.http.get("/api/competitions/example", null).json();
      assertEquals(10, competition.getJsonObject("limits").getInteger("masks_per_image"));
      String team = fx.createTeam("greedy");
      JsonObject status = fx.awaitFinal(fx.submit(team, manyMasks(20_000)), team);
      assertEquals("failed", status.getString("status"));
      assertTrue(status.getString("error").contains("line 12, image ex-cort-3: more than 10 predicted masks for "
          + "this image (the limit per image"), status.getString("error"));
      assertEquals("scored", fx.awaitFinal(fx.submit(team, manyMasks(10)), team).getString("status"));
    }
  }

  @Test
  void oneTeamsBacklogDoesNotHoldUpAnother() {
    List<Long> backlog = new ArrayList<>();
    String flooder;
    String other;
    long theirs;
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(0))) {
      flooder = fx.createTeam("flooder");
      other = fx.createTeam("other");
      for (int i = 0; i < 3; i++) {
        backlog.add(fx.submit(flooder, ServerFixture.exampleSubmission()));
      }
      theirs = fx.submit(other, ServerFixture.exampleSubmission());
      assertEquals(2, fx.http.get("/api/submissions/" + theirs, other).json().getInteger("queue_position"),
          "behind the flooder's oldest only");
    }
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(1))) {
      Instant otherStarted = started(fx.awaitFinal(theirs, other));
      Instant first = started(fx.awaitFinal(backlog.get(0), flooder));
      Instant second = started(fx.awaitFinal(backlog.get(1), flooder));
      // the light lane may take the other team's file at the same moment as the oldest: no order between those two
      assertTrue(first.isBefore(second), "the flooder's files in their order");
      assertTrue(otherStarted.isBefore(second), "the other team before the flooder's backlog");
    }
  }

  @Test
  void failedAttemptsAreCappedAtThreeTimesTheDailyLimit() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("daily_limit", 1));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("spammer");
      byte[] broken = "id,predicted\nnot-an-image,1 1\n".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 3; i++) {
        assertEquals("failed", fx.awaitFinal(fx.submit(team, broken), team).getString("status"));
      }
      Http.Reply fourth = fx.http.postBytes(UPLOAD, team, "text/csv", broken);
      assertEquals(429, fourth.status(), fourth.body());
      assertTrue(fourth.json().getString("error").startsWith("attempt limit reached: a team may upload 3 files a "
          + "day"), fourth.body());
    }
  }

  @Test
  void echoedInputIsCutAndOverlongNamesAre400s() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("verbose");
      byte[] header = ("id,predicted," + "c".repeat(1_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
      JsonObject status = fx.awaitFinal(fx.submit(team, header), team);
      assertEquals("failed", status.getString("status"));
      assertTrue(status.encode().length() < 3000, "status of " + status.encode().length() + " characters");

      String longName = "n".repeat(301) + ".csv";
      Http.Reply raw = fx.http.postBytes(UPLOAD + "?filename=" + longName, team, "text/csv",
          ServerFixture.exampleSubmission());
      assertEquals(400, raw.status(), raw.body());
      assertTrue(raw.json().getString("error").startsWith("the file name is longer than 300 characters"));
      Http.Reply multipart = fx.http.postMultipart(UPLOAD, team, longName, ServerFixture.exampleSubmission(), null);
      assertEquals(400, multipart.status(), multipart.body());
      String description = URLEncoder.encode("d".repeat(1001), StandardCharsets.UTF_8);
      assertEquals(400, fx.http.postBytes(UPLOAD + "?description=" + description, team, "text/csv",
          ServerFixture.exampleSubmission()).status());
    }
  }

  @Test
  void anUnterminatedQuoteIsTheParticipantsProblemWithItsLineAndFailedFilesHaveNoOverlay() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("quoting");
      byte[] quote = "id,predicted\nex-cort-3,1 1\nex-cort-3,\"3 1\n".getBytes(StandardCharsets.UTF_8);
      long id = fx.submit(team, quote);
      JsonObject status = fx.awaitFinal(id, team);
      assertEquals("failed", status.getString("status"));
      assertTrue(status.getString("error").contains("line 3: a quoted field opened on this line is never closed"),
          status.getString("error"));
      Http.Reply overlay = fx.http.get("/api/submissions/" + id + "/overlay/ex-cort-3.png", team);
      assertEquals(409, overlay.status(), overlay.body());
      assertTrue(overlay.json().getString("error").contains("only a scored submission has overlays"));
    }
  }

  private static Instant started(JsonObject status) {
    return Instant.parse(status.getString("started_at"));
  }
}
