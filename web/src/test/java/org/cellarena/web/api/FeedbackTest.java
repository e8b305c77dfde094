package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback levels: with no {@code feedback} key (breakdown) nothing of the ground truth reaches a team, in
 * pictures or tables; {@code scores} shows scores only; the admin sees everything whatever the level.
 */
class FeedbackTest {
  /** Every image of the example listed without a predicted cell. */
  static final byte[] EMPTY = """
      id,predicted
      ex-shsy5y-1,
      ex-astro-2,
      ex-cort-3,
      ex-shsy5y-4,
      ex-astro-5,
      ex-cort-6,
      """.getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;

  @Test
  void byDefaultAnEmptySubmissionsOverlaysShowNothingOfTheGroundTruth() throws IOException {
    ServerFixture.copyExampleCompetition(dataDir, json -> {
      json.remove("feedback");
      return json;
    });
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      assertEquals("breakdown", fx.http.get("/api/competitions/example", null).json().getString("feedback"));
      String team = fx.createTeam("prober");
      long id = fx.submit(team, EMPTY);
      assertEquals("scored", fx.awaitFinal(id, team).getString("status"));

      int[] first = pixels(overlay(fx, id, "ex-shsy5y-1", team));
      int[] second = pixels(overlay(fx, id, "ex-cort-3", team));
      assertArrayEquals(first, second, "two Public images with different cells give the same picture");
      for (String image : new String[] {"ex-shsy5y-1", "ex-astro-2", "ex-cort-3", "ex-shsy5y-4"}) {
        JsonObject table = table(fx, id, image, team);
        assertFalse(table.containsKey("cells"), table.encode());
        assertFalse(table.getBoolean("truth"));
        assertEquals(0, table.getJsonArray("predictions").size());
        assertTrue(table.getInteger("fn") > 0, "the image's counts stay: " + table.encode());
      }

      int[] seenByAdmin = pixels(overlay(fx, id, "ex-shsy5y-1", ServerFixture.ADMIN));
      assertFalse(java.util.Arrays.equals(first, seenByAdmin), "the admin sees the cells");
      assertTrue(table(fx, id, "ex-shsy5y-1", ServerFixture.ADMIN).getJsonArray("cells").size() > 0);

      JsonObject detail = fx.http.get("/api/submissions/" + id + "/detail", team).json();
      assertEquals("breakdown", detail.getString("feedback"));
      assertEquals(4, detail.getJsonArray("images").size(), "the per-image rows of the Public images");
      assertTrue(detail.getJsonObject("public").containsKey("missed"));
    }
  }

  @Test
  void atFullTheTeamSeesTheGroundTruthDrawn() throws IOException {
    try (ServerFixture fx = ServerFixture.start(dataDir)) { // the example says "feedback": "full"
      String team = fx.createTeam("practice");
      long id = fx.submit(team, EMPTY);
      fx.awaitFinal(id, team);
      assertFalse(java.util.Arrays.equals(pixels(overlay(fx, id, "ex-shsy5y-1", team)),
          pixels(overlay(fx, id, "ex-cort-3", team))));
      assertTrue(table(fx, id, "ex-cort-3", team).getJsonArray("cells").size() > 0);
    }
  }

  @Test
  void atScoresATeamGetsScoresOnly() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("feedback", "scores"));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("quiet");
      long id = fx.submit(team, ServerFixture.exampleSubmission());
      fx.awaitFinal(id, team);
      JsonObject detail = fx.http.get("/api/submissions/" + id + "/detail", team).json();
      assertEquals(0, detail.getJsonArray("images").size());
      JsonObject pub = detail.getJsonObject("public");
      assertEquals(java.util.Set.of("score", "ci95", "precision_per_threshold", "cell_types", "images"),
          pub.fieldNames());
      assertNull(detail.getValue("private"));
      Http.Reply overlay = fx.http.get("/api/submissions/" + id + "/overlay/ex-cort-3.png", team);
      assertEquals(403, overlay.status(), overlay.body());
      assertTrue(overlay.json().getString("error").contains("scores only"), overlay.body());

      JsonObject adminDetail = fx.http.get("/api/submissions/" + id + "/detail", ServerFixture.ADMIN).json();
      assertEquals(6, adminDetail.getJsonArray("images").size(), "the admin sees every row");
      assertEquals(200, fx.http.get("/api/submissions/" + id + "/overlay/ex-cort-3.png", ServerFixture.ADMIN)
          .status());
    }
  }

  @Test
  void anUnknownLevelStopsTheStartWithAReason() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("feedback", "everything"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(
        org.cellarena.web.competition.CompetitionException.class, () -> ServerFixture.start(dataDir));
    assertTrue(e.getMessage().endsWith("\"feedback\" must be scores, breakdown or full (got everything)"),
        e.getMessage());
  }

  @Test
  void aLadderStepOutsideZeroToOneStopsTheStartWithAReason() {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("ladder_step", 2));
    var e = org.junit.jupiter.api.Assertions.assertThrows(
        org.cellarena.web.competition.CompetitionException.class, () -> ServerFixture.start(dataDir));
    assertTrue(e.getMessage().contains("\"ladder_step\" must be a number between 0 and 1"), e.getMessage());
  }

  private static byte[] overlay(ServerFixture fx, long id, String image, String token) {
    HttpResponse<byte[]> r = fx.http.getBytes("/api/submissions/" + id + "/overlay/" + image + ".png", token);
    assertEquals(200, r.statusCode());
    return r.body();
  }

  private static JsonObject table(ServerFixture fx, long id, String image, String token) {
    Http.Reply r = fx.http.get("/api/submissions/" + id + "/overlay/" + image + ".json", token);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static int[] pixels(byte[] png) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }
}
