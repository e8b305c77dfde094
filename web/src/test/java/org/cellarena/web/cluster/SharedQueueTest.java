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
import org.cellarena.web.scoring.UsageKeys;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.FinalPicks;
import org.cellarena.web.store.Leases;
import org.cellarena.web.store.NewResult;
import org.cellarena.web.store.Results;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.TeamUsage;
import org.cellarena.web.store.Teams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue in the database, on the embedded H2 and on a real PostgreSQL alike: the same migrations, the fair
 * order in SQL, leases that expire and are taken over, and a late result discarded (exactly once).
 */
@Tag("slow")
class SharedQueueTest {
  private static final List<String> COMPETITIONS = List.of("c");
  private static PostgresServer postgres;

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

  private static int opened;

  private static Database open(String kind) {
    String url = kind.equals("h2") ? "jdbc:h2:file:" + dir.resolve("db" + (++opened)) : postgres.newDatabase();
    Assumptions.assumeTrue(url != null);
    return Database.open(url);
  }

  private static long submit(Submissions submissions, long team) {
    return submissions.add("c", team, null, null, 1, "0".repeat(64), () -> { }, id -> "c/" + id + ".csv.gz");
  }

  private static NewResult result(double score) {
    return new NewResult("v", "h", score, null, null, null, "{}", 0.1,
        new org.cellarena.web.store.MaskCounts(0, 0, 0));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theSchemaMigratesOnceWhateverTheNumberOfOpens(String kind) {
    String url = kind.equals("h2") ? "jdbc:h2:file:" + dir.resolve("twice") : postgres.newDatabase();
    try (Database first = Database.open(url)) {
      new Teams(first).create("a");
    }
    try (Database again = Database.open(url)) {
      assertEquals(1, new Teams(again).all().size(), "reopened, not recreated");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aTeamBeingScoredWaitsAndTheLeastRecentlyServedTeamGoesFirst(String kind) {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      Leases leases = new Leases(db);
      Teams teams = new Teams(db);
      long a = teams.create("A").team().id();
      long b = teams.create("B").team().id();
      long c = teams.create("C").team().id();
      long a1 = submit(submissions, a);
      long a2 = submit(submissions, a);
      long b1 = submit(submissions, b);
      long c1 = submit(submissions, c);
      Instant now = Instant.now();
      Instant lease = now.plusSeconds(60);
      assertEquals(a1, leases.claimNext(COMPETITIONS, false, "w1", now, lease).orElseThrow().id(), "oldest first");
      assertEquals(b1, leases.claimNext(COMPETITIONS, false, "w2", now, lease).orElseThrow().id(),
          "A is being scored: B next, on a second worker");
      assertEquals(c1, leases.claimNext(COMPETITIONS, false, "w3", now, lease).orElseThrow().id(), "and C");
      assertEquals(a2, leases.claimNext(COMPETITIONS, false, "w4", now, lease).orElseThrow().id(),
          "A's second once no one else waits");
      assertTrue(leases.claimNext(COMPETITIONS, false, "w5", now, lease).isEmpty());
      assertTrue(leases.claimNext(List.of("other"), false, "w5", now, lease).isEmpty());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aTeamThatHasHadScoringTimeWaitsBehindOneThatHasNot(String kind) {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      Leases leases = new Leases(db);
      Teams teams = new Teams(db);
      TeamUsage usage = new TeamUsage(db);
      long a = teams.create("A").team().id();
      long b = teams.create("B").team().id();
      long c = teams.create("C").team().id();
      long a1 = submit(submissions, a);
      long a2 = submit(submissions, a);
      long b1 = submit(submissions, b);
      long c1 = submit(submissions, c);
      // B scored 30 s ten minutes ago (now 15 s), C 20 s just now, A nothing: A, then B, then C
      Instant now = Instant.now();
      usage.update(b, key -> UsageKeys.withScoring(key, 30, now.minusSeconds(600)));
      usage.update(c, key -> UsageKeys.withScoring(key, 20, now));
      Instant lease = now.plusSeconds(60);
      assertEquals(a1, leases.claimNext(COMPETITIONS, false, "w1", now, lease).orElseThrow().id());
      assertEquals(b1, leases.claimNext(COMPETITIONS, false, "w2", now, lease).orElseThrow().id(),
          "15 s of decayed scoring time before C's 20");
      assertEquals(c1, leases.claimNext(COMPETITIONS, false, "w3", now, lease).orElseThrow().id());
      assertEquals(a2, leases.claimNext(COMPETITIONS, false, "w4", now, lease).orElseThrow().id());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theLightLaneTakesOnlyTeamsWithNothingBeingScoredAndNeverAFileItHandedBack(String kind) {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      Leases leases = new Leases(db);
      Teams teams = new Teams(db);
      long a = teams.create("A").team().id();
      long b = teams.create("B").team().id();
      long a1 = submit(submissions, a);
      long a2 = submit(submissions, a);
      long b1 = submit(submissions, b);
      Instant now = Instant.now();
      Instant lease = now.plusSeconds(60);
      assertEquals(a1, leases.claimNext(COMPETITIONS, false, "w1", now, lease).orElseThrow().id());
      assertEquals(b1, leases.claimNext(COMPETITIONS, true, "light#1", now, lease).orElseThrow().id(),
          "A is being scored: its second is not for the light lane, B's is");
      assertTrue(leases.handBack(b1, "light#1"), "over the light lane's limit: back to the queue");
      assertFalse(leases.handBack(b1, "light#1"), "once");
      assertEquals("queued", submissions.find(b1).orElseThrow().status().label());
      assertTrue(leases.claimNext(COMPETITIONS, true, "light#2", now, lease).isEmpty(),
          "no light lane takes a file handed back, nor A's second");
      assertEquals(b1, leases.claimNext(COMPETITIONS, false, "w2", now, lease).orElseThrow().id(),
          "the other lane does, B first as it has nothing being scored");
      assertTrue(leases.recordResult(b1, "w2", result(0.5)));
      assertEquals(1, new Results(db).allResults("c").size(), "one result");
      assertEquals(a2, leases.claimNext(COMPETITIONS, false, "w3", now, lease).orElseThrow().id());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anExpiredLeaseIsTakenOverAndTheLateResultDiscarded(String kind) {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      Leases leases = new Leases(db);
      long team = new Teams(db).create("A").team().id();
      long id = submit(submissions, team);
      Instant now = Instant.now();
      assertEquals(id, leases.claimNext(COMPETITIONS, false, "dead#1", now, now.plusSeconds(5)).orElseThrow().id());
      assertTrue(leases.extendLease(id, "dead#1", now.plusSeconds(10)), "its heartbeat, while alive");
      assertTrue(leases.claimNext(COMPETITIONS, false, "live#1", now.plusSeconds(9), now.plusSeconds(40)).isEmpty(),
          "a live lease is not taken");
      Instant later = now.plus(Duration.ofSeconds(11));
      assertEquals(id, leases.claimNext(COMPETITIONS, false, "live#1", later, later.plusSeconds(30)).orElseThrow().id(),
          "taken over once the lease expired");
      assertFalse(leases.extendLease(id, "dead#1", later.plusSeconds(30)), "the old owner lost it");
      assertFalse(leases.recordResult(id, "dead#1", result(0.1)), "the late result is discarded");
      assertFalse(leases.fail(id, "dead#1", "late"), "so is a late failure");
      assertTrue(leases.recordResult(id, "live#1", result(0.7)));
      assertFalse(leases.recordResult(id, "live#1", result(0.7)), "and only once");
      assertEquals(1, new Results(db).allResults("c").size(), "exactly one result");
      assertEquals(0.7, submissions.find(id).orElseThrow().score().publicScore());
      assertEquals("scored", submissions.find(id).orElseThrow().status().label());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theLastFinalPickGoesToOneOfTwoRacingRequests(String kind) throws Exception {
    try (Database db = open(kind)) {
      Submissions submissions = new Submissions(db);
      FinalPicks picks = new FinalPicks(db);
      long team = new Teams(db).create("A").team().id();
      long first = submit(submissions, team);
      long second = submit(submissions, team);
      Boolean[] won = new Boolean[2];
      Thread t1 = new Thread(() -> won[0] = picks.setFinalPick(first, team, "c", true, 1));
      Thread t2 = new Thread(() -> won[1] = picks.setFinalPick(second, team, "c", true, 1));
      t1.start();
      t2.start();
      t1.join();
      t2.join();
      assertTrue(won[0] ^ won[1], "exactly one pick of the one allowed: " + won[0] + ", " + won[1]);
      assertEquals(1, picks.finalPickCount("c", team));
    }
  }
}
