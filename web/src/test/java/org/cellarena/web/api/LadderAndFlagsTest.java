package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ladder rule on the team's views and the public board, lifted at the reveal; the host's probing flags; and
 * the overlay masks read from the stored file once.
 */
class LadderAndFlagsTest {
  @TempDir Path dataDir;

  /** The example submission without its predictions on one image: a worse score. */
  private static byte[] worse() {
    String csv = new String(ServerFixture.exampleSubmission(), StandardCharsets.UTF_8);
    return (csv.lines().filter(l -> !l.startsWith("ex-cort-3,")).reduce("", (a, l) -> a + l + "\n")
        + "ex-cort-3,\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void underTheLadderAWorseScoreRepeatsTheBestAndTheRevealShowsTheRealOnes() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("feedback", "breakdown").put("ladder_step", 0.01));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      assertEquals(0.01, fx.http.get("/api/competitions/example", null).json().getDouble("ladder_step"));
      String team = fx.createTeam("climber");
      long good = fx.submit(team, ServerFixture.exampleSubmission());
      fx.awaitFinal(good, team);
      long bad = fx.submit(team, worse());
      fx.awaitFinal(bad, team);
      double real = realPublic(fx, good);
      assertTrue(realPublic(fx, bad) < real - 0.01, "the second one is worse by more than the step");

      JsonObject shown = fx.http.get("/api/submissions/" + bad, team).json();
      assertEquals(real, shown.getDouble("public_score"), 1e-12, "the best so far, repeated");
      assertNull(shown.getJsonArray("public_ci95").getValue(0), "no interval: it would tell the real score");
      JsonObject detail = fx.http.get("/api/submissions/" + bad + "/detail", team).json();
      assertEquals(Map.of("score", real, "ladder_step", 0.01), detail.getJsonObject("public").getMap());
      assertTrue(detail.getJsonArray("images").stream()
          .noneMatch(o -> ((JsonObject) o).getString("usage").equals("Public")), detail.encode());
      JsonArray board = fx.http.get("/api/competitions/example/leaderboard", null).json().getJsonArray("rows");
      assertEquals(real, board.getJsonObject(0).getDouble("score"), 1e-12);

      assertEquals(200, fx.http.post("/api/admin/competitions/example/reveal", ServerFixture.ADMIN).status());
      assertEquals(realPublic(fx, bad), fx.http.get("/api/submissions/" + bad, team).json()
          .getDouble("public_score"), 1e-12, "after the reveal the real score");
    }
  }

  @Test
  void theHostSeesTinyMasksAndOneImageSubmissionsFlagged() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("prober");
      long probe = fx.submit(team, ProbeTest.probeCsv());
      long oneImage = fx.submit(team, oneImage());
      long honest = fx.submit(team, ServerFixture.exampleSubmission());
      for (long id : new long[] {probe, oneImage, honest}) {
        assertEquals("scored", fx.awaitFinal(id, team).getString("status"));
      }
      Map<Long, List<Object>> flags = new HashMap<>();
      fx.http.get("/api/admin/competitions/example/submissions", ServerFixture.ADMIN).json()
          .getJsonArray("submissions").forEach(o -> flags.put(((JsonObject) o).getLong("id"),
              ((JsonObject) o).getJsonArray("flags").getList()));
      assertEquals(List.of("tiny_masks"), flags.get(probe));
      assertEquals(List.of("few_images"), flags.get(oneImage));
      assertEquals(List.of(), flags.get(honest));
      assertTrue(!fx.http.get("/api/submissions/" + probe, team).json().containsKey("flags"),
          "the team is not told");
    }
  }

  @Test
  @Tag("slow") // indexes the overlays of a whole submission
  void overlayMasksAreReadFromTheStoredFileOnceAndKeptBesideIt() throws IOException {
    try (ServerFixture fx = ServerFixture.start(dataDir)) { // the example is at full: every image has overlays
      String team = fx.createTeam("viewer");
      long id = fx.submit(team, ServerFixture.exampleSubmission());
      fx.awaitFinal(id, team);
      JsonObject first = fx.http.get(ProbeTest.overlay(id, "ex-cort-3", "json", 0.5), team).json();
      Path dir = dataDir.resolve("submissions/example");
      Path stored = dir.resolve(id + ".csv.gz");
      List<Path> index;
      try (Stream<Path> files = Files.list(dir)) {
        index = files.filter(f -> f.getFileName().toString().startsWith(id + ".overlay-")).toList();
      }
      assertEquals(1, index.size(), "one index file beside the submission");
      Files.write(stored, new byte[] {1, 2, 3}); // the stored file is no longer readable: only the index serves
      assertEquals(first, fx.http.get(ProbeTest.overlay(id, "ex-cort-3", "json", 0.5), team).json());
      Http.Reply other = fx.http.get(ProbeTest.overlay(id, "ex-shsy5y-1", "json", 0.75), team);
      assertEquals(200, other.status(), other.body());
      assertTrue(other.json().getJsonArray("predictions").size() > 0);
    }
  }

  private static double realPublic(ServerFixture fx, long id) {
    return fx.http.get("/api/submissions/" + id, ServerFixture.ADMIN).json().getDouble("public_score");
  }

  /** The example's predictions on ex-cort-3 only. */
  private static byte[] oneImage() {
    StringBuilder csv = new StringBuilder("id,predicted\n");
    new String(ServerFixture.exampleSubmission(), StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("ex-cort-3,")).forEach(l -> csv.append(l).append('\n'));
    for (String image : ProbeTest.IMAGES) {
      if (!image.equals("ex-cort-3")) {
        csv.append(image).append(",\n");
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
