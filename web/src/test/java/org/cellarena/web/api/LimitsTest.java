package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Stream;
import org.cellarena.web.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily limit, the upload cap, gzip bombs, truncated and empty uploads, the per-token rate limit. */
class LimitsTest {
  @TempDir Path dataDir;

  @Test
  void theDailyLimitCountsScoredSubmissionsOnlyAndSaysWhenToRetry() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("daily_limit", 2));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("limited");
      long bad = fx.submit(team, "id,predicted\nnope,1 1\n".getBytes(StandardCharsets.UTF_8));
      assertEquals("failed", fx.awaitFinal(bad, team).getString("status"));
      long one = fx.submit(team, ServerFixture.exampleSubmission());
      long two = fx.submit(team, ServerFixture.exampleSubmission());
      assertEquals("scored", fx.awaitFinal(one, team).getString("status"));
      assertEquals("scored", fx.awaitFinal(two, team).getString("status"));

      Http.Reply refused = fx.http.postBytes("/api/competitions/example/submissions", team, "text/csv",
          ServerFixture.exampleSubmission());
      assertEquals(429, refused.status(), refused.body());
      JsonObject body = refused.json();
      Instant tomorrow = Instant.now().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
      assertEquals(tomorrow.toString(), body.getString("retry_at"));
      assertTrue(body.getString("error").contains("daily limit"), body.encode());
      assertTrue(body.getLong("retry_after_seconds") > 0);
      assertEquals(body.getLong("retry_after_seconds").toString(), refused.header("Retry-After"));
      // another team is not affected
      String other = fx.createTeam("unlimited");
      fx.submit(other, ServerFixture.exampleSubmission());
    }
  }

  @Test
  void anUploadOverTheDailyLimitIsRefusedBeforeItsBodyIsReadAndLeavesNoFile() throws Exception {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("daily_limit", 1));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("eager");
      long first = fx.submit(team, ServerFixture.exampleSubmission());
      assertEquals("scored", fx.awaitFinal(first, team).getString("status"));
      Path uploads = dataDir.resolve("submissions/.uploads");
      Path stored = dataDir.resolve("submissions/example");
      long storedBefore = count(stored);

      // the 429 comes while the body is still arriving: it is not read to disk first
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fx.server.port())) {
        socket.setSoTimeout(10_000);
        var out = socket.getOutputStream();
        out.write(("POST /api/competitions/example/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + team + "\r\nContent-Type: text/csv\r\nContent-Length: 100000000\r\n\r\n").getBytes());
        out.write(Arrays.copyOf(ServerFixture.exampleSubmission(), 1000));
        out.flush();
        byte[] head = new byte[12];
        int n = socket.getInputStream().readNBytes(head, 0, head.length);
        assertEquals("HTTP/1.1 429", new String(head, 0, n, StandardCharsets.US_ASCII));
      }
      Http.Reply multipart = fx.http.postMultipart("/api/competitions/example/submissions", team, "late.csv",
          ServerFixture.exampleSubmission(), null);
      assertEquals(429, multipart.status(), multipart.body());
      Http.Reply raw = fx.http.postBytes("/api/competitions/example/submissions", team, "text/csv",
          ServerFixture.exampleSubmission());
      assertEquals(429, raw.status(), raw.body());

      ServerFixture.sleep(200);
      assertEquals(0, count(uploads), "nothing written to the uploads dir");
      assertEquals(storedBefore, count(stored), "nothing staged beside the stored submission");
      assertEquals(1, fx.http.get("/api/competitions/example/submissions", team).json()
          .getJsonArray("submissions").size());
    }
  }

  /** Polls until {@code dir} holds {@code n} files (at most 10 s). */
  private static void awaitFiles(Path dir, long n, String what) throws java.io.IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (count(dir) != n) {
      assertTrue(System.nanoTime() < deadline, what + ": " + count(dir) + " files in " + dir);
      ServerFixture.sleep(10);
    }
  }

  private static long count(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void afterTheDeadlineSubmissionsAreRefused() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("deadline", "2020-01-01T00:00:00Z"));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("late");
      Http.Reply r = fx.http.postBytes("/api/competitions/example/submissions", team, "text/csv",
          ServerFixture.exampleSubmission());
      assertEquals(403, r.status(), r.body());
      assertTrue(r.json().getString("error").contains("closed"), r.body());
      assertEquals("2020-01-01T00:00:00Z", fx.http.get("/api/competitions/example", null).json().getString("deadline"));
    }
  }

  @Test
  void anUploadOverTheCapIsRefusedWith413() {
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withUploadLimit(4096))) {
      String team = fx.createTeam("big");
      Http.Reply r = fx.http.postBytes("/api/competitions/example/submissions", team, "text/csv",
          ServerFixture.exampleSubmission());
      assertEquals(413, r.status(), r.body());
      assertTrue(r.json().getString("error").contains("limit"), r.body());
      Http.Reply multipart = fx.http.postMultipart("/api/competitions/example/submissions", team, "big.csv",
          ServerFixture.exampleSubmission(), null);
      assertEquals(413, multipart.status(), multipart.body());
    }
  }

  @Test
  void aChunkedUploadIsCutOffAtTheCap() {
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withUploadLimit(4096))) {
      String team = fx.createTeam("streamer");
      // no Content-Length: the server counts as the body streams in
      Http.Reply r = fx.http.send(fx.http.request("/api/competitions/example/submissions", team)
          .header("Content-Type", "text/csv")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
              () -> new java.io.ByteArrayInputStream(ServerFixture.exampleSubmission()))));
      assertEquals(413, r.status(), r.body());
    }
  }

  @Test
  void aBodyCutShortByTheClientLeavesNoSubmission() throws Exception {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("quitter");
      Path uploads = dataDir.resolve("submissions/.uploads");
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fx.server.port())) {
        var out = socket.getOutputStream();
        out.write(("POST /api/competitions/example/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + team + "\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n").getBytes());
        out.write(java.util.Arrays.copyOf(ServerFixture.exampleSubmission(), 1000));
        out.flush();
        awaitFiles(uploads, 1, "the server stores the body as it comes");
      }
      awaitFiles(uploads, 0, "the partial body is deleted");
      assertEquals(0, fx.http.get("/api/competitions/example/submissions", team).json()
          .getJsonArray("submissions").size());
    }
  }

  @Test
  void aGzipBombIsRefusedAndLeavesNothingBehind() throws Exception {
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withUncompressedLimit(ServerConfig.MB))) {
      String team = fx.createTeam("bomber");
      byte[] zeros = new byte[8 * 1024 * 1024];
      Arrays.fill(zeros, (byte) '0');
      byte[] bomb = ServerFixture.gzip(zeros);
      assertTrue(bomb.length < 64 * 1024);
      Http.Reply r = fx.http.postBytes("/api/competitions/example/submissions", team, "application/gzip", bomb);
      assertEquals(413, r.status(), r.body());
      assertTrue(r.json().getString("error").contains("decompresses"), r.body());
      try (Stream<Path> files = Files.list(dataDir.resolve("submissions/example"))) {
        assertEquals(0, files.count(), "no staged file left");
      }
      assertEquals(0, fx.http.get("/api/competitions/example/submissions", team).json()
          .getJsonArray("submissions").size());
    }
  }

  @Test
  void truncatedGzipAndEmptyBodiesAreClear400s() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("sloppy");
      byte[] gz = ServerFixture.gzip(ServerFixture.exampleSubmission());
      Http.Reply truncated = fx.http.postBytes("/api/competitions/example/submissions", team, "application/gzip",
          Arrays.copyOf(gz, gz.length / 2));
      assertEquals(400, truncated.status(), truncated.body());
      assertTrue(truncated.json().getString("error").contains("truncated"), truncated.body());
      Http.Reply empty = fx.http.postBytes("/api/competitions/example/submissions", team, "text/csv", new byte[0]);
      assertEquals(400, empty.status(), empty.body());
      assertTrue(empty.json().getString("error").contains("empty"), empty.body());
    }
  }

  @Test
  void eachTokenIsRateLimited() {
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withRequestsPerMinute(5))) {
      String team = fx.createTeam("chatty");
      for (int i = 0; i < 5; i++) {
        assertEquals(200, fx.http.get("/api/me", team).status());
      }
      Http.Reply limited = fx.http.get("/api/me", team);
      assertEquals(429, limited.status(), limited.body());
      assertNotNull(limited.header("Retry-After"));
      // the public leaderboard needs no token and is not limited per token
      assertEquals(200, fx.http.get("/api/competitions/example/leaderboard", null).status());
      // guessing tokens is limited by address
      for (int i = 0; i < 5; i++) {
        assertEquals(401, fx.http.get("/api/me", "guess-" + i).status());
      }
      assertEquals(429, fx.http.get("/api/me", "guess-5").status());
    }
  }

  @Test
  void guessingTheAdminTokenOnThePrivateBoardIsLimitedByAddress() {
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withRequestsPerMinute(5))) {
      String board = "/api/competitions/example/leaderboard/private";
      for (int i = 0; i < 5; i++) {
        assertEquals(403, fx.http.get(board, "guess-" + i).status());
      }
      Http.Reply limited = fx.http.get(board, "guess-5");
      assertEquals(429, limited.status(), limited.body());
      assertNotNull(limited.header("Retry-After"));
      assertEquals(403, fx.http.get(board, null).status(), "no token: the plain refusal, nothing to limit");
      assertEquals(200, fx.http.get(board, ServerFixture.ADMIN).status(), "the admin token still works");
    }
  }
}
