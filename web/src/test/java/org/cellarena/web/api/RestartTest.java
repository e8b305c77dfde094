package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing accepted is lost: work queued or half-scored when the server stops (or is killed) is scored after. */
@Tag("slow")
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
      assertTrue(fx.server.services().leases().claim(ids.get(0)));
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
        competitionDir.resolve(".incoming-1234.csv.gz"), competitionDir.resolve((id + 1) + ".csv.gz"),
        competitionDir.resolve((id + 2) + ".model.zip"));
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
    String token;
    List<Long> ids = new ArrayList<>();
    try (ForkedServer forked = ForkedServer.scoringNothing(dataDir)) {
      token = forked.createTeam("survivor");
      for (int i = 0; i < 4; i++) {
        ids.add(forked.submit(token, ServerFixture.COMPETITION, "text/csv", ServerFixture.exampleSubmission()));
      }
      forked.process.destroyForcibly(); // SIGKILL
      assertTrue(forked.process.waitFor(30, TimeUnit.SECONDS));
    }
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      for (long id : ids) {
        assertEquals("scored", fx.awaitFinal(id, token).getString("status"));
      }
    }
  }

  /**
   * A SIGTERM while a file is being scored stops the server after at most the queue's short grace (the time is
   * measured by hand: web/BENCHMARKS.md), and the file, still "scoring", is scored again at the next start, the
   * files queued behind it too.
   */
  @Test
  void aSigtermWhileScoringStopsTheServerAndLeavesTheWorkToTheNextStart() throws Exception {
    ServerFixture.copyExampleCompetition(dataDir, j -> j);
    int images = 16;
    SlowCompetition.write(dataDir, images, 600); // scoring would go on for well over 5 s, until done
    String token;
    long slow;
    List<Long> behind = new ArrayList<>();
    try (ForkedServer forked = ForkedServer.serve(dataDir, "--workers", "1")) {
      token = forked.createTeam("interrupted");
      slow = forked.submit(token, SlowCompetition.ID, "application/gzip", SlowCompetition.slowSubmission(images));
      assertEquals("scoring", awaitStarted(forked.http, slow, token), forked.output());
      for (int i = 0; i < 2; i++) { // the same team's: they wait for the worker, not for the light lane
        long id = forked.submit(token, ServerFixture.COMPETITION, "text/csv", ServerFixture.exampleSubmission());
        assertEquals("queued", forked.http.get("/api/submissions/" + id, token).json().getString("status"));
        behind.add(id);
      }
      forked.process.destroy(); // SIGTERM
      assertTrue(forked.process.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGTERM:\n"
          + forked.output());
      assertEquals(143, forked.process.exitValue(), "not stopped by the signal:\n" + forked.output());
    }
    SlowCompetition.setScoringSeconds(dataDir, 1); // the file's second scoring ends soon, with a reason
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      JsonObject status = fx.awaitFinal(slow, token);
      assertEquals("failed", status.getString("status"), status.encode());
      assertTrue(status.getString("error").contains("longer than the time limit of 1 s"), status.encode());
      for (long id : behind) {
        assertEquals("scored", fx.awaitFinal(id, token).getString("status"));
      }
    }
  }

  /** Polls until the submission leaves the queue (at most 60 s); returns its status then. */
  private static String awaitStarted(Http http, long id, String token) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String status;
    do {
      status = http.get("/api/submissions/" + id, token).json().getString("status");
      ServerFixture.sleep(20);
    } while (status.equals("queued") && System.nanoTime() < deadline);
    return status;
  }
}
