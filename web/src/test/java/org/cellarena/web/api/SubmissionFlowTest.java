package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads followed to the end: raw, gzip and multipart to scored, a malformed file to failed; the detail. */
class SubmissionFlowTest {
  @TempDir static Path dataDir;
  static ServerFixture fx;
  static String token;
  static ScoreReport expected;

  @BeforeAll
  static void start() throws Exception {
    // room for every upload of this class from one team
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("daily_limit", 50));
    fx = ServerFixture.start(dataDir);
    token = fx.createTeam("flow team");
    Solution solution = SolutionReader.read(ServerFixture.EXAMPLES.resolve("competitions/example/solution.csv"));
    expected = Scorer.score(solution, new SubmissionReader(solution).read(ServerFixture.EXAMPLE_SUBMISSION));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void aRawUploadIsStoredThenScoredWithTheScoringModulesPublicScore() throws Exception {
    Http.Reply accepted = fx.http.postBytes("/api/competitions/example/submissions?description=first", token,
        "text/csv", ServerFixture.exampleSubmission());
    assertEquals(202, accepted.status(), accepted.body());
    long id = accepted.json().getLong("id");
    assertEquals("/api/submissions/" + id, accepted.json().getString("status_url"));
    Path stored = dataDir.resolve("submissions/example/" + id + ".csv.gz");
    assertTrue(Files.isRegularFile(stored), "stored before the answer");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(stored))) {
      assertEquals(new String(ServerFixture.exampleSubmission(), StandardCharsets.UTF_8),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertFalse(Files.getPosixFilePermissions(stored).contains(PosixFilePermission.OWNER_WRITE),
        "stored files are read-only");

    JsonObject status = fx.awaitFinal(id, token);
    assertEquals("scored", status.getString("status"), status.encode());
    assertEquals(expected.where(Usage.PUBLIC).score(), status.getDouble("public_score"), 1e-12);
    assertEquals("first", status.getString("description"));
    assertNull(status.getValue("private_score"), "no private score before the reveal");
  }

  @Test
  void gzipAndMultipartUploadsScoreTheSame() {
    long gz = fx.submit(token, ServerFixture.gzip(ServerFixture.exampleSubmission()));
    Http.Reply multipart = fx.http.postMultipart("/api/competitions/example/submissions", token, "mine.csv",
        ServerFixture.exampleSubmission(), "multipart upload");
    assertEquals(202, multipart.status(), multipart.body());
    long mp = multipart.json().getLong("id");
    for (long id : new long[] {gz, mp}) {
      JsonObject status = fx.awaitFinal(id, token);
      assertEquals("scored", status.getString("status"), status.encode());
      assertEquals(expected.where(Usage.PUBLIC).score(), status.getDouble("public_score"), 1e-12);
    }
    JsonObject mpStatus = fx.http.get("/api/submissions/" + mp, token).json();
    assertEquals("multipart upload", mpStatus.getString("description"));
    assertEquals("mine.csv", mpStatus.getString("file_name"));
  }

  @Test
  void aMalformedFileFailsWithItsLineLevelReasonAndUsesNoQuota() {
    String otherTeam = fx.createTeam("malformed team");
    int before = quotaUsed(otherTeam);
    String bad = "id,predicted\nex-shsy5y-1,1 5 3 x\nno-such-image,1 2\n";
    long id = fx.submit(otherTeam, bad.getBytes(StandardCharsets.UTF_8));
    JsonObject status = fx.awaitFinal(id, otherTeam);
    assertEquals("failed", status.getString("status"));
    String error = status.getString("error");
    assertTrue(error.contains("line 2") && error.contains("line 3"), error);
    assertTrue(error.contains("no-such-image"), error);
    assertNull(status.getValue("public_score"));
    assertEquals(before, quotaUsed(otherTeam), "a failed submission does not count");
    assertEquals(409, fx.http.get("/api/submissions/" + id + "/detail", otherTeam).status());
  }

  @Test
  void theDetailShowsPublicImagesOnlyBeforeTheReveal() {
    long id = fx.submit(token, ServerFixture.exampleSubmission());
    fx.awaitFinal(id, token);
    JsonObject detail = fx.http.get("/api/submissions/" + id + "/detail", token).json();
    JsonObject publicPart = detail.getJsonObject("public");
    ScoreReport publicExpected = expected.where(Usage.PUBLIC);
    assertEquals(publicExpected.score(), publicPart.getDouble("score"), 1e-12);
    assertEquals(2, publicPart.getJsonArray("ci95").size());
    assertEquals(10, publicPart.getJsonArray("precision_per_threshold").size());
    assertEquals(publicExpected.precisionPerThreshold()[0],
        publicPart.getJsonArray("precision_per_threshold").getDouble(0), 1e-12);
    assertEquals(publicExpected.cellTypeScores().keySet(), publicPart.getJsonObject("cell_types").fieldNames());
    assertEquals(publicExpected.missed(), publicPart.getInteger("missed"));
    assertEquals(publicExpected.merged(), publicPart.getInteger("merged"));
    assertNull(detail.getValue("private"));
    JsonArray images = detail.getJsonArray("images");
    assertEquals(4, images.size());
    for (Object o : images) {
      JsonObject row = (JsonObject) o;
      assertEquals("Public", row.getString("usage"));
      assertEquals(10, row.getJsonArray("tp").size());
    }
    // the admin sees the private part
    JsonObject adminView = fx.http.get("/api/submissions/" + id + "/detail", ServerFixture.ADMIN).json();
    assertEquals(6, adminView.getJsonArray("images").size());
    assertEquals(expected.where(Usage.PRIVATE).score(), adminView.getJsonObject("private").getDouble("score"), 1e-12);
  }

  @Test
  void theEventStreamEndsWithScored() throws Exception {
    long id = fx.submit(token, ServerFixture.exampleSubmission());
    HttpResponse<InputStream> response = fx.http.client().send(
        fx.http.request("/api/submissions/" + id + "/events", token).header("Accept-Encoding", "gzip").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    assertFalse(response.headers().firstValue("Content-Encoding").orElse("").contains("gzip"),
        "events are not compressed, so each arrives at once");
    List<String> statuses = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data: ")) {
          statuses.add(new JsonObject(line.substring(6)).getString("status"));
        }
      }
    }
    assertFalse(statuses.isEmpty());
    assertEquals("scored", statuses.get(statuses.size() - 1), statuses.toString());
  }

  @Test
  void theTeamListsItsOwnSubmissionsWithItsQuota() {
    String team = fx.createTeam("list team");
    long a = fx.submit(team, ServerFixture.exampleSubmission());
    fx.awaitFinal(a, team);
    JsonObject mine = fx.http.get("/api/competitions/example/submissions", team).json();
    assertEquals(1, mine.getJsonArray("submissions").size());
    assertEquals(a, mine.getJsonArray("submissions").getJsonObject(0).getLong("id"));
    assertEquals(50, mine.getJsonObject("quota").getInteger("limit"));
    assertEquals(1, mine.getJsonObject("quota").getInteger("used"));
    assertNotNull(mine.getJsonObject("quota").getString("resets_at"));
    JsonObject me = fx.http.get("/api/me", team).json();
    assertEquals("list team", me.getJsonObject("team").getString("name"));
  }

  private static int quotaUsed(String team) {
    return fx.http.get("/api/competitions/example/submissions", team).json().getJsonObject("quota")
        .getInteger("used");
  }
}
