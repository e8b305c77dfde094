package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring that cannot succeed ends in failed with a reason and the queue goes on; the database is configurable. */
class RobustnessTest {
  @TempDir Path dataDir;

  @Test
  void aSubmissionThatCannotBeScoredFailsWithAReasonAndTheNextIsScored() throws Exception {
    String token;
    long damaged;
    long healthy;
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(0))) {
      token = fx.createTeam("unlucky");
      damaged = fx.submit(token, ServerFixture.exampleSubmission());
      healthy = fx.submit(token, ServerFixture.exampleSubmission());
    }
    // the disk damages the first stored file while the server is down
    Path stored = dataDir.resolve("submissions/example/" + damaged + ".csv.gz");
    Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-r--r--"));
    Files.write(stored, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      JsonObject failed = fx.awaitFinal(damaged, token);
      assertEquals("failed", failed.getString("status"));
      assertTrue(failed.getString("error").startsWith("the stored file could not be read"), failed.encode());
      assertEquals("scored", fx.awaitFinal(healthy, token).getString("status"));
    }
  }

  @Test
  void aSubmissionToACompetitionNoLongerServedFailsWithAReason() {
    String token;
    long id;
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(0))) {
      token = fx.createTeam("orphan");
      id = fx.submit(token, ServerFixture.exampleSubmission());
    }
    // the same database, served without the competition
    ServerConfig config = ServerConfig.defaults(dataDir.resolve("elsewhere")).withPort(0)
        .withAdminToken(ServerFixture.ADMIN).withJdbcUrl(ServerConfig.defaults(dataDir).effectiveJdbcUrl());
    try (Server server = Server.start(config)) {
      Http http = new Http(server.url());
      JsonObject status;
      long deadline = System.currentTimeMillis() + 30_000;
      do {
        ServerFixture.sleep(50);
        status = http.get("/api/submissions/" + id, token).json();
      } while (!status.getString("status").equals("failed") && System.currentTimeMillis() < deadline);
      assertEquals("failed", status.getString("status"));
      assertTrue(status.getString("error").contains("not served"), status.encode());
      assertFalse(Files.exists(dataDir.resolve("elsewhere/submissions/cellarena.mv.db")),
          "--jdbc-url is the database used");
    }
  }
}
