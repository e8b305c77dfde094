package org.cellarena.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cellarena.scoring.io.Deadline;
import org.cellarena.scoring.io.SubmissionLimits;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.web.Server;
import org.cellarena.web.api.Http;
import org.cellarena.web.bench.SartoriusSizedData;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.CompetitionLoader;
import org.cellarena.web.scoring.ScoreSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several serve nodes and workers on one real PostgreSQL (issue 17): uploads spread over two {@code serve
 * --workers 0} nodes, scored by two {@code worker} processes of which one is killed with SIGKILL while scoring,
 * a node restarted meanwhile, the daily limit raced from both nodes, status events across nodes.
 */
@Tag("slow")
class ClusterTest {
  private static final String BENCH = "bench";
  private static PostgresServer postgres;

  @TempDir Path dataDir;

  @BeforeAll
  static void startPostgres() throws Exception {
    Optional<Path> bin = PostgresServer.find();
    if (bin.isEmpty()) {
      System.err.println(PostgresServer.missingReason());
    }
    Assumptions.assumeTrue(bin.isPresent(), PostgresServer::missingReason);
    postgres = PostgresServer.start(bin.get());
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void twentyUploadsOverTwoNodesAreScoredOnceEachThoughAWorkerIsKilledWhileScoring() throws Exception {
    Path competitionDir = dataDir.resolve("competitions").resolve(BENCH);
    byte[] csv = SartoriusSizedData.write(competitionDir, BENCH, 240, 42);
    double expected = publicScore(competitionDir, csv);
    try (Cluster cluster = new Cluster(postgres.newDatabase(), dataDir)) {
      Server a = cluster.node(0);
      Server b = cluster.node(0);
      List<String> tokens = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tokens.add(a.createTeam("team " + t).token());
      }
      Cluster.Worker doomed = cluster.worker(3);
      cluster.worker(3);
      // watches from the first upload on: SIGKILL to the doomed worker the moment it holds a submission
      CompletableFuture<Long> killing = CompletableFuture.supplyAsync(() -> {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try {
          while (System.nanoTime() < end) {
            long held = cluster.scoringBy(doomed);
            if (held > 0) {
              doomed.kill9();
              // still its lease after the kill: it died mid-scoring (0: it had finished just before)
              return cluster.count("SELECT COUNT(*) FROM submissions WHERE id = " + held
                  + " AND status = 'scoring' AND lease_owner LIKE '" + doomed.id() + "#%'") == 1 ? held : 0L;
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return -1L;
      });
      List<Long> ids = new ArrayList<>();
      List<String> owners = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        if (i == 10) { // a node restarted while the other serves loses nothing
          cluster.stop(a);
          a = cluster.node(0);
        }
        Server node = i % 2 == 0 ? a : b;
        String token = tokens.get(i % 4);
        Http.Reply r = cluster.upload(node, BENCH, token, csv);
        assertEquals(202, r.status(), r.body());
        ids.add(r.json().getLong("id"));
        owners.add(token);
      }
      long killed = killing.get();
      assertTrue(killed != -1, "the doomed worker held a submission within 120 s");
      assertTrue(killed > 0, "killed while scoring: its lease still held the submission after the kill");

      for (int i = 0; i < ids.size(); i++) {
        Server asked = i % 2 == 0 ? b : a;
        JsonObject status = cluster.awaitFinal(asked, ids.get(i), owners.get(i), 120);
        assertEquals("scored", status.getString("status"), status.encode());
        assertEquals(expected, status.getDouble("public_score"), 1e-12, "the right score, " + ids.get(i));
      }
      assertEquals(20, cluster.count("SELECT COUNT(*) FROM results"), "exactly one result each");
      assertEquals(20, cluster.count("SELECT COUNT(DISTINCT submission_id) FROM results"));
      JsonArray export = cluster.get(b, "/api/admin/competitions/" + BENCH + "/export?format=json",
          Cluster.ADMIN).json().getJsonArray("submissions");
      assertEquals(20, export.size());
      for (int i = 0; i < export.size(); i++) {
        assertEquals(1, export.getJsonObject(i).getJsonArray("results").size(), export.getJsonObject(i).encode());
      }
      String boardA = cluster.get(a, "/api/competitions/" + BENCH + "/leaderboard", "-").body();
      String boardB = cluster.get(b, "/api/competitions/" + BENCH + "/leaderboard", "-").body();
      assertEquals(boardA, boardB, "both nodes serve the same leaderboard");
      assertEquals(4, new JsonObject(boardA).getJsonArray("rows").size());
    }
  }

  @Test
  void theLateResultOfAWorkerFrozenPastItsLeaseIsDiscarded() throws Exception {
    Path competitionDir = dataDir.resolve("competitions").resolve(BENCH);
    byte[] csv = SartoriusSizedData.write(competitionDir, BENCH, 240, 7);
    try (Cluster cluster = new Cluster(postgres.newDatabase(), dataDir)) {
      Server node = cluster.node(0);
      String token = node.createTeam("patient").token();
      Cluster.Worker frozen = cluster.worker(3);
      long held = -1;
      for (int attempt = 0; attempt < 10 && held < 0; attempt++) {
        long id = cluster.upload(node, BENCH, token, csv).json().getLong("id");
        while (held < 0 && cluster.count("SELECT COUNT(*) FROM submissions WHERE id = " + id
            + " AND status IN ('queued', 'scoring')") == 1) {
          if (cluster.scoringBy(frozen) == id) {
            frozen.pause(true);
            if (cluster.scoringBy(frozen) == id) {
              held = id;
            } else {
              frozen.pause(false); // it had just finished: try the next upload
            }
          }
        }
      }
      assertTrue(held > 0, "froze the worker while it scored");
      Cluster.Worker rescuer = cluster.worker(3);
      assertEquals("scored", cluster.awaitFinal(node, held, token, 60).getString("status"),
          "taken over once the frozen worker's lease expired");
      assertTrue(cluster.count("SELECT COUNT(*) FROM results WHERE submission_id = " + held) == 1);
      frozen.pause(false);
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!frozen.log().toString().contains("the result is discarded") && System.nanoTime() < end) {
        Cluster.sleep(50);
      }
      assertTrue(frozen.log().toString().contains("submission " + held + ": its lease expired before the result "
          + "came; the result is discarded"), frozen.log().toString());
      assertEquals(1, cluster.count("SELECT COUNT(*) FROM results WHERE submission_id = " + held),
          "still exactly one result");
      assertTrue(rescuer.process().isAlive());
    }
  }

  @Test
  void theDailyLimitRacedFromBothNodesAcceptsExactlyTheLimit() throws Exception {
    writeExampleCompetition(30);
    byte[] csv = Files.readAllBytes(Path.of("..", "examples", "submissions", "example.csv"));
    try (Cluster cluster = new Cluster(postgres.newDatabase(), dataDir)) {
      Server a = cluster.node(0);
      Server b = cluster.node(0);
      String token = a.createTeam("racer").token();
      List<CompletableFuture<Integer>> uploads = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Server node = i % 2 == 0 ? a : b;
        uploads.add(CompletableFuture.supplyAsync(() -> uploadUntilDecided(cluster, node, token, csv)));
      }
      int accepted = 0;
      int refused = 0;
      for (CompletableFuture<Integer> u : uploads) {
        int status = u.get();
        accepted += status == 202 ? 1 : 0;
        refused += status == 429 ? 1 : 0;
      }
      assertEquals(30, accepted, "exactly the daily limit accepted");
      assertEquals(10, refused, "the rest refused with 429");
      assertEquals(30, cluster.count("SELECT COUNT(*) FROM submissions"));
      long last = cluster.count("SELECT MAX(id) FROM submissions");
      assertEquals(30, cluster.get(b, "/api/submissions/" + last, token).json()
          .getInteger("queue_position"), "the queue position, from the database");
      String depth = "cellarena_queue_depth{competition=\"example\"} 30.0";
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      String metrics = "";
      while (!metrics.contains(depth) && System.nanoTime() < end) {
        metrics = cluster.get(a, "/metrics", "-").body();
        Cluster.sleep(200);
      }
      assertTrue(metrics.contains(depth), "the queue depth on the other node's metrics: " + metrics);
    }
  }

  @Test
  void aBrowserFollowingOnOneNodeSeesTheScoreOfAWorkerElsewhere() throws Exception {
    writeExampleCompetition(5);
    byte[] csv = Files.readAllBytes(Path.of("..", "examples", "submissions", "example.csv"));
    try (Cluster cluster = new Cluster(postgres.newDatabase(), dataDir)) {
      Server front = cluster.node(0);
      Server scorer = cluster.node(1); // a node that scores too: its worker is in another process than front
      String token = front.createTeam("watcher").token();
      Http.Reply health = cluster.get(front, "/api/health", "-");
      assertEquals(200, health.status());
      assertEquals("reachable", health.json().getString("database"));
      long id = cluster.upload(front, "example", token, csv).json().getLong("id");
      String events = cluster.get(front, "/api/submissions/" + id + "/events", token).body();
      assertTrue(events.contains("\"status\":\"scored\""), events);
      String metrics = cluster.get(scorer, "/metrics", "-").body();
      assertTrue(metrics.contains("cellarena_queue_depth{competition=\"example\"}"), metrics);
      assertTrue(metrics.contains("cellarena_scoring_seconds_count{competition=\"example\",outcome=\"scored\"} 1"),
          metrics);
    }
  }

  /** Uploads, retrying while another upload of the team is being stored on that node (at most 60 s). */
  private static int uploadUntilDecided(Cluster cluster, Server node, String token, byte[] csv) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Http.Reply r = cluster.upload(node, "example", token, csv);
      boolean busy = r.status() == 503 || (r.status() == 429 && r.body().contains("still being stored"));
      if (!busy) {
        return r.status();
      }
      assertTrue(System.nanoTime() < deadline, "still busy after 60 s: " + r.status() + " " + r.body());
      Cluster.sleep(5);
    }
  }

  private void writeExampleCompetition(int dailyLimit) throws Exception {
    Path source = Path.of("..", "examples", "competitions", "example");
    Path target = Files.createDirectories(dataDir.resolve("competitions").resolve("example"));
    Files.copy(source.resolve("solution.csv"), target.resolve("solution.csv"));
    JsonObject json = new JsonObject(Files.readString(source.resolve("competition.json")))
        .put("daily_limit", dailyLimit);
    Files.writeString(target.resolve("competition.json"), json.encodePrettily());
  }

  private static double publicScore(Path competitionDir, byte[] csv) throws Exception {
    Competition competition = CompetitionLoader.load(competitionDir, SubmissionLimits.DEFAULTS);
    Deadline deadline = Deadline.after(Duration.ofMinutes(5));
    var submission = new org.cellarena.scoring.io.SubmissionReader(competition.solution(), competition.limits())
        .read(new ByteArrayInputStream(csv), "submission.csv", deadline);
    return ScoreSummary.result(Scorer.score(competition.solution(), submission, deadline), "v", "h", 0,
        org.cellarena.web.scoring.ProbeFlags.count(submission))
        .publicScore();
  }
}
