package org.cellarena.web.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.cellarena.web.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating teams: a name taken by a racing request is a 409, not an internal error; tokens and their renewal. */
class TeamsTest {
  @TempDir Path dir;

  @Test
  void aNameTakenWhileTheCheckRanIsAConflict() throws Exception {
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0")) {
      Teams teams = new Teams(db);
      CountDownLatch inserted = new CountDownLatch(1);
      CountDownLatch commit = new CountDownLatch(1);
      // another request has inserted the name but not committed yet: the check sees no such team
      CompletableFuture<Void> other = CompletableFuture.runAsync(() -> db.transaction(c -> {
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO teams (name, token_hash, created_at) VALUES ('twins', 'h', ?)")) {
          s.setObject(1, OffsetDateTime.now());
          s.executeUpdate();
        }
        inserted.countDown();
        try {
          commit.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return null;
      }));
      assertTrue(inserted.await(60, TimeUnit.SECONDS), "the other insert never ran");
      CompletableFuture<NewTeam> mine = CompletableFuture.supplyAsync(() -> teams.create("twins"));
      awaitItsInsert(db); // it checked, found no such team, and now waits on the other insert's lock
      commit.countDown();
      other.get(60, TimeUnit.SECONDS);
      ExecutionException e = assertThrows(ExecutionException.class, () -> mine.get(60, TimeUnit.SECONDS));
      Refusal refusal = (Refusal) e.getCause();
      assertEquals(Refusal.Reason.CONFLICT, refusal.reason());
      assertEquals(1, teams.all().size());
    }
  }

  /** Polls H2's sessions until one runs the insert of {@link Teams#create} (at most 60 s: a generous bound for a busy machine). */
  private static void awaitItsInsert(Database db) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sessionsInserting(db) == 0) {
      assertTrue(System.nanoTime() < deadline, "the request never reached its insert");
      Thread.sleep(10);
    }
  }

  private static int sessionsInserting(Database db) {
    return db.autoCommit(c -> {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS "
          + "WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO teams (name, name_key,%'")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  @Test
  void generatedTokensNeverStartLikeAnOption() {
    for (int i = 0; i < 2000; i++) { // 2 of the 64 base64url characters are '-' and '_'
      String token = Tokens.generate();
      assertTrue(Character.isLetterOrDigit(token.charAt(0)), token);
      assertEquals(43, token.length());
    }
  }

  @Test
  void aRenewedTokenReplacesTheOldOne() throws Exception {
    try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0")) {
      Teams teams = new Teams(db);
      NewTeam created = teams.create("renewed", "-VEqI2Bold");
      assertEquals(created.team().id(), teams.byToken("-VEqI2Bold").orElseThrow().id());
      NewTeam renewed = teams.renewToken("renewed");
      assertTrue(teams.byToken("-VEqI2Bold").isEmpty(), "the old token, remembered before, no longer works");
      assertEquals(created.team().id(), teams.byToken(renewed.token()).orElseThrow().id());
      assertEquals(Refusal.Reason.NOT_FOUND, assertThrows(Refusal.class, () -> teams.renewToken("nobody")).reason());
    }
  }

  @Test
  void teamsMadeBeforeNamesHadKeysKeepWorkingInEveryCompetition() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
    try (Database db = Database.open(url)) { // back to the schema before step 5, two look-alike teams in it
      db.autoCommit(c -> {
        try (var s = c.createStatement()) {
          s.execute("DROP INDEX submissions_by_inference"); // steps 7 and 6 undone first
          for (String column : new String[] {"inference_attempts", "model_description", "model_file", "weights_sha256", "inference_started_at",
              "inference_seconds", "inference_progress", "inference"}) {
            s.execute("ALTER TABLE submissions DROP COLUMN " + column);
          }
          s.execute("DROP TABLE team_competitions");
          s.execute("DROP INDEX teams_by_name_key");
          s.execute("ALTER TABLE teams DROP COLUMN name_key");
          s.execute("UPDATE schema_version SET version = 4");
          s.execute("INSERT INTO teams (name, token_hash, created_at) VALUES ('victim', '" + Tokens.hash("t1")
              + "', CURRENT_TIMESTAMP), ('Victim', '" + Tokens.hash("t2") + "', CURRENT_TIMESTAMP)");
        }
        return null;
      });
    }
    try (Database db = Database.open(url)) {
      Teams teams = new Teams(db);
      for (String token : new String[] {"t1", "t2"}) {
        Team team = teams.byToken(token).orElseThrow();
        assertTrue(teams.takesPart(team.id(), "any-competition"), team.name());
      }
      assertEquals(Refusal.Reason.CONFLICT, assertThrows(Refusal.class, () -> teams.create("VICTIM")).reason());
      NewTeam registered = teams.createIn("newcomer", java.util.List.of("example"));
      assertTrue(teams.takesPart(registered.team().id(), "example"));
      assertFalse(teams.takesPart(registered.team().id(), "other"));
    }
  }
}
