package org.cellarena.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.Inferences;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inference queue that {@code serve}'s lane and {@code worker --inference} processes share, on the embedded
 * H2 and on a real PostgreSQL alike: teams take turns, a dead worker's inference is taken over when its lease
 * expires, and what the dead worker writes late is discarded (each inference recorded once).
 */
@Tag("slow")
class InferenceQueueTest {
  private static final List<String> COMPETITIONS = List.of("m");
  private static PostgresServer postgres;
  private static int opened;

  @TempDir static Path dir;

  static Stream<String> databases() throws Exception {
    Optional<Path> bin = PostgresServer.find();
    if (bin.isEmpty()) {
      System.err.println(PostgresServer.missingReason());
      return Stream.of("h2");
    }
    if (postgres == null) {
      postgres = PostgresServer.start(bin.get());
    }
    return Stream.of("h2", "postgresql");
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static Database open(String kind) {
    String url = kind.equals("h2") ? "jdbc:h2:file:" + dir.resolve("db" + (++opened)) : postgres.newDatabase();
    Assumptions.assumeTrue(url != null);
    return Database.open(url);
  }

  private static long submitModel(Submissions submissions, long team) {
    return submissions.addModel("m", team, null, null, 1, "0".repeat(64),
        new Submissions.CheckedModel("1".repeat(64), "a test model"), () -> { },
        id -> "m/" + id + ".model.zip");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void teamsTakeTurnsAndATeamWithAModelRunningWaits(String kind) {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      Inferences inferences = new Inferences(db);
      Teams teams = new Teams(db);
      long a = teams.create("A").team().id();
      long b = teams.create("B").team().id();
      long a1 = submitModel(submissions, a);
      long a2 = submitModel(submissions, a);
      long b1 = submitModel(submissions, b);
      Instant now = Instant.now();
      Instant lease = now.plusSeconds(60);
      assertEquals(a1, inferences.claimNext(COMPETITIONS, "w1", now, lease).orElseThrow().id(), "oldest first");
      assertEquals(b1, inferences.claimNext(COMPETITIONS, "w2", now, lease).orElseThrow().id(),
          "A has a model running: B's next, on a second worker");
      assertEquals(a2, inferences.claimNext(COMPETITIONS, "w3", now, lease).orElseThrow().id());
      assertTrue(inferences.claimNext(COMPETITIONS, "w4", now, lease).isEmpty());
      assertTrue(inferences.claimNext(List.of("other"), "w4", now, lease).isEmpty());
      assertEquals("m/" + a1 + ".model.zip", submissions.find(a1).orElseThrow().model().modelFile());
      assertEquals("inferring", submissions.find(a1).orElseThrow().status().label());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDeadWorkersInferenceIsTakenOverAndItsLateWritesDiscarded(String kind) {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      Inferences inferences = new Inferences(db);
      long team = new Teams(db).create("A").team().id();
      long id = submitModel(submissions, team);
      Instant now = Instant.now();
      assertEquals(id, inferences.claimNext(COMPETITIONS, "dead#1", now, now.plusSeconds(5)).orElseThrow().id());
      assertTrue(inferences.progress(id, "dead#1", "image 1 of 6"));
      assertTrue(inferences.claimNext(COMPETITIONS, "live#1", now.plusSeconds(4), now.plusSeconds(40)).isEmpty(),
          "a live lease is not taken");
      Instant later = now.plus(Duration.ofSeconds(6));
      assertEquals(id, inferences.claimNext(COMPETITIONS, "live#1", later, later.plusSeconds(30)).orElseThrow().id(),
          "taken over once the lease expired");
      assertFalse(inferences.extendLease(id, "dead#1", later.plusSeconds(30), 1), "the old owner lost it");
      assertFalse(inferences.holds(id, "dead#1"));
      assertTrue(inferences.holds(id, "live#1"));
      assertFalse(inferences.progress(id, "dead#1", "image 5 of 6"));
      assertFalse(inferences.produced(id, "dead#1", "m/" + id + ".csv.gz", 1, "2".repeat(64), 1, "{}"),
          "the late CSV is discarded");
      assertFalse(inferences.fail(id, "dead#1", "late", 1), "so is a late failure");
      assertTrue(inferences.produced(id, "live#1", "m/" + id + ".csv.gz", 1, "2".repeat(64), 2.5, "{}"));
      assertFalse(inferences.produced(id, "live#1", "m/" + id + ".csv.gz", 1, "2".repeat(64), 2.5, "{}"),
          "and only once");
      var row = submissions.find(id).orElseThrow();
      assertEquals("queued", row.status().label(), "queued for scoring");
      assertEquals("m/" + id + ".csv.gz", row.storedFile());
      assertEquals(2.5, row.model().seconds());
      assertEquals(2.5, inferences.secondsSince("m", team, now.minusSeconds(1)), 1e-9);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aModelThatStopsItsWorkerTwiceFailsAndBothAttemptsAreCharged(String kind) {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      Inferences inferences = new Inferences(db);
      long team = new Teams(db).create("A").team().id();
      long id = submitModel(submissions, team);
      Instant now = Instant.now();
      var first = inferences.claimNext(COMPETITIONS, "crashed#1", now, now.plusSeconds(5)).orElseThrow();
      assertEquals(0, first.chargedBefore(), 1e-9);
      assertTrue(inferences.extendLease(id, "crashed#1", now.plusSeconds(5), 4), "a heartbeat charges 4 s");
      Instant later = now.plusSeconds(6);
      var second = inferences.claimNext(COMPETITIONS, "crashed#2", later, later.plusSeconds(5)).orElseThrow();
      assertEquals(4, second.chargedBefore(), 1e-9, "the first attempt's seconds stay charged");
      assertTrue(inferences.extendLease(id, "crashed#2", later.plusSeconds(5), 7));
      Instant last = later.plusSeconds(6);
      assertTrue(inferences.claimNext(COMPETITIONS, "w#3", last, last.plusSeconds(5)).isEmpty(), "no third claim");
      var row = submissions.find(id).orElseThrow();
      assertEquals("failed", row.status().label());
      assertEquals(Inferences.WORKER_STOPPED, row.error());
      assertEquals(7, inferences.secondsSince("m", team, now.minusSeconds(1)), 1e-9);
    }
  }
}
