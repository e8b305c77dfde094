package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.web.inference.CopyingModelRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model competitions over HTTP with the test runner ({@link CopyingModelRunner}): the hidden images never leave,
 * a model is checked before it is queued, inferred, then scored like a CSV; its failures read as one sentence.
 */
class ModelCompetitionTest {
  @TempDir static Path dataDir;
  static ServerFixture fx;

  @BeforeAll
  static void start() {
    ModelFixtures.modelCompetition(dataDir, "models", new JsonObject().put("time_limit_minutes", 60)
        .put("compute_minutes_per_day", 600).put("max_archive_mb", 1));
    // a 60 ms time limit, and a daily compute that one such inference uses up
    ModelFixtures.modelCompetition(dataDir, "quick", new JsonObject().put("time_limit_minutes", 0.001)
        .put("compute_minutes_per_day", 0.00001));
    // a 60 ms time limit and plenty of compute
    ModelFixtures.modelCompetition(dataDir, "timed", new JsonObject().put("time_limit_minutes", 0.001)
        .put("compute_minutes_per_day", 600));
    fx = ServerFixture.start(dataDir);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Http.Reply submitModel(String token, String competition, byte[] archive) {
    return fx.http.postBytes("/api/competitions/" + competition + "/submissions", token, "application/zip", archive);
  }

  static long accepted(Http.Reply reply) {
    assertEquals(202, reply.status(), reply.body());
    assertEquals("inference_queued", reply.json().getString("status"));
    return reply.json().getLong("id");
  }

  @Test
  void aModelIsInferredOnEveryTestImageThenScoredAsTheCsvItProduced() throws Exception {
    String token = fx.createTeam("modellers");
    long id = accepted(submitModel(token, "models", ModelFixtures.copyingModel()));
    JsonObject status = fx.awaitFinal(id, token);
    assertEquals("scored", status.getString("status"), status.encode());

    Solution solution = SolutionReader.read(dataDir.resolve("competitions/models/solution.csv"));
    double expected = Scorer.score(solution, new SubmissionReader(solution).read(ServerFixture.EXAMPLE_SUBMISSION))
        .where(Usage.PUBLIC).score();
    assertEquals(expected, status.getDouble("public_score"), 1e-12);
    JsonObject model = status.getJsonObject("model");
    assertEquals(CopyingModelRunner.sha256(ServerFixture.EXAMPLE_SUBMISSION), model.getString("weights_sha256"));
    assertEquals(6, model.getInteger("images"));
    assertEquals("cpu", model.getString("device"));
    assertEquals("Copying 1.0", model.getString("engine"));
    assertEquals("copying runner", model.getString("description"), "the runner's line about the checked model");
    assertTrue(model.getDouble("inference_seconds") > 0, model.encode());
  }

  @Test
  void noHiddenTestImageLeavesTheServerAsAFileAZipOrAnOverlay() throws Exception {
    String token = fx.createTeam("lookers");
    JsonObject competition = fx.http.get("/api/competitions/models", null).json();
    assertEquals("model", competition.getString("kind"));
    assertEquals(List.of(ModelFixtures.SAMPLE), competition.getJsonArray("sample_test").getList());
    assertEquals("csv", fx.http.get("/api/competitions/example", null).json().getString("kind"));
    for (String caller : Arrays.asList(token, null)) {
      JsonArray files = fx.http.get("/api/competitions/models/files", caller).json().getJsonArray("files");
      List<String> names = new ArrayList<>();
      for (Object f : files) {
        names.add(((JsonObject) f).getString("name"));
      }
      assertTrue(names.contains("test.zip"), names.toString());
      assertEquals(List.of("test/" + ModelFixtures.SAMPLE + ".png"), zipEntries(caller, "test.zip"));
      for (String hidden : ModelFixtures.HIDDEN) {
        for (String name : List.of(hidden + ".png", "test/" + hidden + ".png", "test%2F" + hidden + ".png")) {
          assertEquals(404, fx.http.get("/api/competitions/models/files/" + name, caller).status(), name);
        }
      }
    }
    long id = accepted(submitModel(token, "models", ModelFixtures.copyingModel()));
    assertEquals("scored", fx.awaitFinal(id, token).getString("status"));
    String overlay = "/api/submissions/" + id + "/overlay/";
    // the team sees the sample image's overlay as the host does, and no overlay of a hidden one
    assertArrayEquals(png(overlay + ModelFixtures.SAMPLE, ServerFixture.ADMIN),
        png(overlay + ModelFixtures.SAMPLE, token));
    for (String hidden : ModelFixtures.HIDDEN) {
      assertEquals(401, fx.http.get(overlay + hidden + ".png", null).status(), hidden);
      for (String file : List.of(hidden + ".png", hidden + ".json")) {
        Http.Reply refused = fx.http.get(overlay + file, token);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.json().getString("error").contains("a team sees no overlay of it"), refused.body());
      }
      png(overlay + hidden, ServerFixture.ADMIN);
    }
  }

  @Test
  void everyRefusedArchiveIsA400NamingTheProblemAndCostsNoQuota() {
    String token = fx.createTeam("refused");
    Map<String, byte[]> traversal = new LinkedHashMap<>();
    traversal.put("config.json", "{\"backbone\": \"copying\"}".getBytes());
    traversal.put("../model.params", ServerFixture.exampleSubmission());
    Map<String, byte[]> crowded = new LinkedHashMap<>();
    for (int i = 0; i < 9; i++) {
      crowded.put("model" + i + ".json", new byte[] {'{', '}'});
    }
    byte[] large = new byte[2 * 1024 * 1024];
    System.arraycopy(ModelFixtures.copyingModel(), 0, large, 0, 4);
    Map<String, byte[]> refusals = new LinkedHashMap<>();
    refusals.put("is not a plain name at its root", ModelFixtures.zip(traversal));
    refusals.put("is a link or another non-regular file",
        ModelFixtures.withSymlink(ModelFixtures.copyingModel(), "model.params"));
    refusals.put("has 9 entries; at most 8", ModelFixtures.zip(crowded));
    refusals.put("larger than this competition's limit of 1 MB", large);
    Map<String, byte[]> bomb = new LinkedHashMap<>();
    bomb.put("config.json", "{\"backbone\": \"copying\"}".getBytes());
    bomb.put("model.params", new byte[900 * 1024]);
    refusals.put("entry model.params inflates more than", ModelFixtures.zip(bomb));
    refusals.put("the model archive is truncated or corrupt (entry model.params)",
        ModelFixtures.withCorruptData(ModelFixtures.copyingModel(), "model.params"));
    refusals.put("Model Load Error: config.json: unknown backbone \"resnest\"",
        ModelFixtures.model(new JsonObject().put("backbone", "resnest")));
    for (Map.Entry<String, byte[]> refusal : refusals.entrySet()) {
      Http.Reply reply = submitModel(token, "models", refusal.getValue());
      assertEquals(400, reply.status(), refusal.getKey() + ": " + reply.body());
      assertTrue(reply.json().getString("error").contains(refusal.getKey()), reply.body());
    }
    Http.Reply csv = fx.http.postBytes("/api/competitions/models/submissions", token, "text/csv",
        ServerFixture.exampleSubmission());
    assertEquals(400, csv.status(), csv.body());
    assertTrue(csv.json().getString("error").contains("takes model archives, not CSVs"), csv.body());
    Http.Reply zip = submitModel(token, ServerFixture.COMPETITION, ModelFixtures.copyingModel());
    assertEquals(400, zip.status(), zip.body());
    assertTrue(zip.json().getString("error").contains("takes a CSV"), zip.body());

    JsonObject mine = fx.http.get("/api/competitions/models/submissions", token).json();
    assertEquals(0, mine.getJsonArray("submissions").size(), mine.encode());
    assertEquals(0, mine.getJsonObject("quota").getInteger("used"), mine.encode());
  }

  @Test
  void aTimedOutInferenceFailsWithTheTypedSentenceAndTheLaneTakesTheNextJob() {
    String slow = fx.createTeam("slow modellers");
    long id = accepted(submitModel(slow, "quick", ModelFixtures.model(new JsonObject().put("backbone", "copying")
        .put("endless", true))));
    JsonObject status = fx.awaitFinal(id, slow);
    assertEquals("failed", status.getString("status"), status.encode());
    assertEquals("Exceeded Allowed Compute: stopped after the team's compute left today (0 min) at image 2 of 6",
        status.getString("error"), "the compute left was less than the time limit");

    String next = fx.createTeam("next modellers");
    long after = accepted(submitModel(next, "models", ModelFixtures.copyingModel()));
    assertEquals("scored", fx.awaitFinal(after, next).getString("status"));

    Http.Reply refused = submitModel(slow, "quick", ModelFixtures.copyingModel());
    assertEquals(429, refused.status(), refused.body());
    assertTrue(refused.json().getString("error").startsWith("Exceeded Allowed Compute: "), refused.body());
    assertTrue(refused.json().getString("error").contains(" minutes used today"), refused.body());
  }

  @Test
  void aTimedOutInferenceFailsWithTheTimeoutSentence() {
    String slow = fx.createTeam("timed modellers");
    long id = accepted(submitModel(slow, "timed", ModelFixtures.model(new JsonObject().put("backbone", "copying")
        .put("endless", true))));
    JsonObject status = fx.awaitFinal(id, slow);
    assertEquals("Inference Timeout: stopped after 0.1 s at image 2 of 6", status.getString("error"), status.encode());
  }

  @Test
  void anInferenceHungInsideAnImageFailsAndANewThreadTakesTheNextJob() {
    String hung = fx.createTeam("hung modellers");
    long id = accepted(submitModel(hung, "timed", ModelFixtures.model(new JsonObject().put("backbone", "copying")
        .put("hang", true))));
    JsonObject status = fx.awaitFinal(id, hung);
    assertEquals("Inference Timeout: stopped after 0.1 s at image 1 of 6", status.getString("error"), status.encode());

    String next = fx.createTeam("after the hang");
    long after = accepted(submitModel(next, "models", ModelFixtures.copyingModel()));
    assertEquals("scored", fx.awaitFinal(after, next).getString("status"));
    assertEquals(status.getString("error"), fx.awaitFinal(id, hung).getString("error"),
        "the hung run's late writes are discarded");
  }

  @Test
  void aModelThatThrowsAnErrorFailsWithAFixedSentenceAndTheWorkerGoesOn() {
    String token = fx.createTeam("erring modellers");
    for (String error : List.of("stack", "linkage")) {
      long id = accepted(submitModel(token, "models", ModelFixtures.model(new JsonObject().put("backbone", "copying")
          .put("error", error))));
      JsonObject status = fx.awaitFinal(id, token);
      assertEquals("Inference Error: the model failed on the server", status.getString("error"), status.encode());
    }
    long next = accepted(submitModel(token, "models", ModelFixtures.copyingModel()));
    assertEquals("scored", fx.awaitFinal(next, token).getString("status"));
  }

  @Test
  void aTeamChecksOneModelAtATimeAndAFullPoolIsAnImmediate503() throws Exception {
    String first = fx.createTeam("checked first");
    String second = fx.createTeam("checked second");
    byte[] waiting = ModelFixtures.model(new JsonObject().put("backbone", "copying").put("check_waits", true));
    ExecutorService uploads = Executors.newFixedThreadPool(2);
    try {
      Future<Http.Reply> a = uploads.submit(() -> submitModel(first, "models", waiting));
      assertTrue(CopyingModelRunner.CHECKS_ENTERED.tryAcquire(60, TimeUnit.SECONDS));
      Http.Reply again = submitModel(first, "models", ModelFixtures.copyingModel());
      assertEquals(429, again.status(), again.body());
      assertTrue(again.json().getString("error").contains("one model at a time"), again.body());

      Future<Http.Reply> b = uploads.submit(() -> submitModel(second, "models", waiting));
      assertTrue(CopyingModelRunner.CHECKS_ENTERED.tryAcquire(60, TimeUnit.SECONDS));
      Http.Reply full = submitModel(fx.createTeam("checked third"), "models", ModelFixtures.copyingModel());
      assertEquals(503, full.status(), full.body());
      assertEquals(60, full.json().getInteger("retry_after_seconds"), full.body());

      CopyingModelRunner.CHECK_GATE.countDown();
      accepted(a.get(60, TimeUnit.SECONDS));
      accepted(b.get(60, TimeUnit.SECONDS));
    } finally {
      CopyingModelRunner.CHECK_GATE.countDown();
      uploads.shutdown();
    }
  }

  @Test
  void aMultipartModelUploadIsHeldToTheCompetitionsArchiveLimit() {
    String token = fx.createTeam("form modellers");
    Http.Reply refused = fx.http.postMultipart("/api/competitions/models/submissions", token, "model.zip",
        new byte[2 * 1024 * 1024], "over the 1 MB limit");
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.json().getString("error").contains("larger than this competition's limit of 1 MB"),
        refused.body());
    JsonObject mine = fx.http.get("/api/competitions/models/submissions", token).json();
    assertEquals(0, mine.getJsonArray("submissions").size(), mine.encode());
  }

  @Test
  void aModelThatRunsOutOfMemoryFailsItsSubmissionAndTheWorkerGoesOn() {
    String token = fx.createTeam("greedy modellers");
    long id = accepted(submitModel(token, "models", ModelFixtures.model(new JsonObject().put("backbone", "copying")
        .put("oom", true))));
    JsonObject status = fx.awaitFinal(id, token);
    assertEquals("failed", status.getString("status"), status.encode());
    assertEquals("Out Of Memory: the model needed more memory than the inference worker has",
        status.getString("error"), status.encode());
    // the team page's form, the archive dropped on it
    long next = accepted(fx.http.postMultipart("/api/competitions/models/submissions", token, "model.zip",
        ModelFixtures.copyingModel(), "after the oom"));
    assertEquals("scored", fx.awaitFinal(next, token).getString("status"));
  }

  private static List<String> zipEntries(String token, String name) throws IOException {
    HttpResponse<byte[]> zip = fx.http.getBytes("/api/competitions/models/files/" + name, token);
    assertEquals(200, zip.statusCode());
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.add(e.getName());
      }
    }
    return entries;
  }

  private static byte[] png(String path, String token) {
    HttpResponse<byte[]> r = fx.http.getBytes(path + ".png", token);
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }
}
