package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing accepted is lost: work queued or half-scored when the server stops (or is killed) is scored after. */
class RestartTest {
  @TempDir Path dataDir;

  @Test
  void queuedAndHalfScoredSubmissionsAreScoredAfterARestart() {
    String token;
    List<Long> ids = new ArrayList<>();
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(0))) {
      token = fx.createTeam("patient");
      for (int i = 0; i < 3; i++) {
        ids.add(fx.submit(token, ServerFixture.exampleSubmission()));
      }
      assertEquals(3, fx.http.get("/api/submissions/" + ids.get(2), token).json().getInteger("queue_position"),
          "third in line");
      // the first one was being scored when the server went down
      assertTrue(fx.server.services().submissions().claim(ids.get(0)));
      assertEquals("scoring", fx.http.get("/api/submissions/" + ids.get(0), token).json().getString("status"));
    }
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      for (long id : ids) {
        assertEquals("scored", fx.awaitFinal(id, token).getString("status"));
      }
    }
  }

  @Test
  void filesLeftByInterruptedUploadsAreDeletedAtStartAndStoredOnesKept() throws Exception {
    String token;
    long id;
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(0))) {
      token = fx.createTeam("tidy");
      id = fx.submit(token, ServerFixture.exampleSubmission());
    }
    Path competitionDir = dataDir.resolve("submissions/example");
    Path stored = competitionDir.resolve(id + ".csv.gz");
    assertTrue(Files.exists(stored));
    Path uploads = Files.createDirectories(dataDir.resolve("submissions/.uploads"));
    List<Path> strays = List.of(uploads.resolve("raw-1234.upload"), uploads.resolve("a1b2c3"),
        competitionDir.resolve(".incoming-1234.csv.gz"), competitionDir.resolve((id + 1) + ".csv.gz"));
    for (Path stray : strays) {
      Files.write(stray, new byte[] {1, 2, 3});
    }
    Path other = competitionDir.resolve("notes.txt");
    Files.writeString(other, "not ours to judge");
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      for (Path stray : strays) {
        assertFalse(Files.exists(stray), stray + " was left behind");
      }
      assertTrue(Files.exists(stored), "the file of a submission row stays");
      assertTrue(Files.exists(other), "only upload leftovers are deleted");
      assertTrue(Files.exists(dataDir.resolve("submissions/cellarena.mv.db")));
      assertEquals("scored", fx.awaitFinal(id, token).getString("status"));
    }
  }

  @Test
  void submissionsAcceptedBeforeAKill9AreScoredAfterTheRestart() throws Exception {
    ServerFixture.copyExampleCompetition(dataDir, j -> j);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process forked = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ForkedServer.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
    String token;
    List<Long> ids = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(forked.getInputStream(), StandardCharsets.UTF_8));
      String line;
      int port = -1;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("PORT ")) {
          port = Integer.parseInt(line.substring(5).trim());
          break;
        }
      }
      assertTrue(port > 0, "the forked server started");
      Http http = new Http("http://127.0.0.1:" + port);
      Http.Reply team = http.postJson("/api/admin/teams", ServerFixture.ADMIN,
          new io.vertx.core.json.JsonObject().put("name", "survivor"));
      assertEquals(201, team.status(), team.body());
      token = team.json().getString("token");
      for (int i = 0; i < 4; i++) {
        Http.Reply r = http.postBytes("/api/competitions/example/submissions", token, "text/csv",
            ServerFixture.exampleSubmission());
        assertEquals(202, r.status(), r.body());
        ids.add(r.json().getLong("id"));
      }
    } finally {
      forked.destroyForcibly(); // SIGKILL
      assertTrue(forked.waitFor(30, TimeUnit.SECONDS));
    }
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      for (long id : ids) {
        assertEquals("scored", fx.awaitFinal(id, token).getString("status"));
      }
    }
  }
}
