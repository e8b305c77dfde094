package org.cellarena.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.cellarena.web.Server;
import org.cellarena.web.api.Http;
import org.cellarena.web.api.ModelFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model competitions on PostgreSQL: a serve node that runs no models, two {@code worker --inference} processes
 * (the test runner on their classpath) of which one is killed with SIGKILL mid-inference; every model submission
 * is inferred by the survivor and scored exactly once.
 */
@Tag("slow")
class InferenceWorkersTest {
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
  void everyModelIsScoredOnceThoughAnInferenceWorkerIsKilledMidInference() throws Exception {
    ModelFixtures.modelCompetition(dataDir, "models", new JsonObject());
    byte[] model = ModelFixtures.model(new JsonObject().put("backbone", "copying").put("millis_per_image", 150));
    try (Cluster cluster = new Cluster(postgres.newDatabase(), dataDir)) {
      Server node = cluster.node(1, 0);
      Cluster.Worker doomed = cluster.worker(3, "--inference");
      cluster.worker(3, "--inference");
      CompletableFuture<Long> killing = CompletableFuture.supplyAsync(() -> {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try {
          while (System.nanoTime() < end) {
            long held = cluster.heldBy(doomed, "inferring");
            if (held > 0) {
              doomed.kill9();
              return cluster.count("SELECT COUNT(*) FROM submissions WHERE id = " + held
                  + " AND status = 'inferring' AND lease_owner LIKE '" + doomed.id() + "#%'") == 1 ? held : 0L;
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return -1L;
      });
      List<Long> ids = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        String token = node.createTeam("modellers " + t).token();
        for (int i = 0; i < 2; i++) {
          Http.Reply r = cluster.http(node).postBytes("/api/competitions/models/submissions", token,
              "application/zip", model);
          assertEquals(202, r.status(), r.body());
          ids.add(r.json().getLong("id"));
          tokens.add(token);
        }
      }
      long killed = killing.get();
      assertTrue(killed > 0, "killed mid-inference: its lease still held the submission after the kill");
      for (int i = 0; i < ids.size(); i++) {
        JsonObject status = cluster.awaitFinal(node, ids.get(i), tokens.get(i), 120);
        assertEquals("scored", status.getString("status"), status.encode());
      }
      assertEquals(6, cluster.count("SELECT COUNT(*) FROM results"), "exactly one result each");
      assertEquals(6, cluster.count("SELECT COUNT(DISTINCT submission_id) FROM results"));
      assertEquals(0, cluster.count("SELECT COUNT(*) FROM submissions WHERE lease_owner LIKE '" + doomed.id()
          + "#%'"), "nothing is left to the dead worker");
    }
  }
}
