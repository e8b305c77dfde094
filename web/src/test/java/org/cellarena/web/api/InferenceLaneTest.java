package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inference lane of a single server: apart from scoring, so a CSV is scored while a model runs; a model's
 * statuses in order; a restart queues an interrupted inference again.
 */
class InferenceLaneTest {
  @TempDir Path dataDir;

  @Test
  void aCsvOfAnotherTeamIsScoredWhileAModelRunsAndARestartQueuesTheInferenceAgain() {
    ModelFixtures.modelCompetition(dataDir, "models", new JsonObject().put("time_limit_minutes", 60));
    long model;
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String modellers = fx.createTeam("modellers");
      String csvTeam = fx.createTeam("csv team");
      model = ModelCompetitionTest.accepted(fx.http.postBytes("/api/competitions/models/submissions", modellers,
          "application/zip", ModelFixtures.model(new JsonObject().put("backbone", "copying").put("endless", true))));
      awaitStatus(fx, model, modellers, s -> "inferring".equals(s.getString("status")));

      long csv = fx.submit(csvTeam, ServerFixture.exampleSubmission());
      assertEquals("scored", fx.awaitFinal(csv, csvTeam).getString("status"));
      JsonObject running = awaitStatus(fx, model, modellers,
          s -> "image 1 of 6".equals(s.getJsonObject("model").getString("inference_progress")));
      assertEquals("inferring", running.getString("status"), "the model still runs after the CSV was scored");

      JsonObject queue = fx.http.get("/api/admin/queue", ServerFixture.ADMIN).json();
      JsonObject listed = queue.getJsonArray("inference").getJsonObject(0);
      assertEquals(model, listed.getLong("id"));
      assertEquals("image 1 of 6", listed.getString("progress"));
      assertNotNull(listed.getString("worker"), queue.encode());
    }
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withInferenceWorkers(0))) {
      JsonObject status = fx.http.get("/api/submissions/" + model, ServerFixture.ADMIN).json();
      assertEquals("inference_queued", status.getString("status"), status.encode());
    }
  }

  @Test
  void aModelSubmissionIsInferenceQueuedThenQueuedWithItsCsvThenScored() {
    ModelFixtures.modelCompetition(dataDir, "models", new JsonObject());
    long model;
    String token;
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withInferenceWorkers(0).withScoringWorkers(0))) {
      token = fx.createTeam("patient modellers");
      model = ModelCompetitionTest.accepted(fx.http.postBytes("/api/competitions/models/submissions", token,
          "application/zip", ModelFixtures.copyingModel()));
      JsonObject status = fx.http.get("/api/submissions/" + model, token).json();
      assertEquals("inference_queued", status.getString("status"));
      assertTrue(Files.isRegularFile(dataDir.resolve("submissions/models/" + model + ".model.zip")));
    }
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(0))) {
      JsonObject queued = awaitStatus(fx, model, token, s -> "queued".equals(s.getString("status")));
      assertEquals(6, queued.getJsonObject("model").getInteger("images"), queued.encode());
      assertTrue(Files.isRegularFile(dataDir.resolve("submissions/models/" + model + ".csv.gz")));
    }
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      assertEquals("scored", fx.awaitFinal(model, token).getString("status"));
    }
  }

  /** Polls the status until {@code reached} holds (at most 60 s). */
  private static JsonObject awaitStatus(ServerFixture fx, long id, String token, Predicate<JsonObject> reached) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject status = fx.http.get("/api/submissions/" + id, token).json();
      if (reached.test(status)) {
        return status;
      }
      ServerFixture.sleep(20);
    }
    return fail("submission " + id + " did not reach the awaited state in 60 s");
  }
}
