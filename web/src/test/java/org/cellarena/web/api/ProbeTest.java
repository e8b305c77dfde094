package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.cellarena.scoring.rle.RunMask;
import org.cellarena.scoring.metric.Thresholds;
import org.cellarena.web.competition.Disclosure;
import org.cellarena.web.pages.OverlayRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1-pixel probe (issue 24): a submission of single-pixel masks on every image, which at the old default
 * level learned from each prediction's best IoU which pixels lie in a cell. Every endpoint a team can reach is
 * asked about every image: no per-prediction or per-cell number of a Public or Private image comes back at any
 * level but {@code full}, while the Feedback image (on no board) keeps its full detail.
 */
class ProbeTest {
  static final int W = 128, H = 96, STEP = 5;
  static final String FEEDBACK_IMAGE = "ex-astro-2";
  static final List<String> IMAGES =
      List.of("ex-shsy5y-1", "ex-astro-2", "ex-cort-3", "ex-shsy5y-4", "ex-astro-5", "ex-cort-6");
  /** Keys that carry a number per predicted object or per ground-truth cell. */
  static final Set<String> PER_OBJECT = Set.of("best_iou", "outcome", "best_cell", "best_prediction", "at_0_5",
      "matched_predictions", "unmatched_predictions");

  @TempDir Path dataDir;

  @Test
  void atBreakdownTheProbeLearnsNothingPerObjectOfABoardImage() {
    probe(json -> json.put("feedback", "breakdown"), "counts");
  }

  @Test
  void atScoresTheProbeGetsNoImageAtAll() {
    probe(json -> json.put("feedback", "scores"), null);
  }

  @Test
  void underTheLadderPublicImagesShowNothingBeforeTheReveal() {
    probe(json -> json.put("feedback", "breakdown").put("ladder_step", 0.01), null);
  }

  @Test
  void atFullEveryNumberIsShownSoTheCheckCanFail() {
    start(json -> json.put("feedback", "full"));
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("practice");
      long id = fx.submit(team, probeCsv());
      assertEquals("scored", fx.awaitFinal(id, team).getString("status"));
      JsonObject table = fx.http.get(overlay(id, "ex-cort-3", "json", 0.5), team).json();
      assertFalse(perObjectKeys(table).isEmpty(), "full shows the matching: " + table.encode().substring(0, 200));
    }
  }

  /**
   * Submits the probe at a level and asks every team endpoint about every image; {@code publicShown} is what a
   * Public image's row says it shows ("counts"), or null when Public images show nothing.
   */
  private void probe(java.util.function.UnaryOperator<JsonObject> level, String publicShown) {
    start(level);
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("prober");
      long id = fx.submit(team, probeCsv());
      JsonObject status = fx.awaitFinal(id, team);
      assertEquals("scored", status.getString("status"), status.encode());
      assertNoPerObject(status, "status");
      assertNoPerObject(fx.http.get("/api/competitions/example/submissions", team).json(), "submission list");
      boolean images = publicShown != null || !level.apply(new JsonObject()).getString("feedback").equals("scores");

      JsonObject detail = fx.http.get("/api/submissions/" + id + "/detail", team).json();
      Map<String, JsonObject> rows = new java.util.HashMap<>();
      detail.getJsonArray("images").forEach(o -> rows.put(((JsonObject) o).getString("id"), (JsonObject) o));
      for (String image : IMAGES) {
        JsonObject row = rows.get(image);
        if (image.equals(FEEDBACK_IMAGE)) {
          assertEquals(images ? "detail" : null, row == null ? null : row.getString("shown"), image);
        } else {
          assertEquals(image.contains("-5") || image.contains("-6") ? null : publicShown,
              row == null ? null : row.getString("shown"), image + ": " + (row == null ? "" : row.encode()));
          if (row != null) {
            assertNoPerObject(row, "detail row of " + image);
          }
        }
      }
      assertNoPerObject(detail.copy().put("images", new JsonArray()), "detail summaries");

      for (String image : IMAGES) {
        boolean board = !image.equals(FEEDBACK_IMAGE);
        boolean shown = board ? publicShown != null && !image.contains("-5") && !image.contains("-6") : images;
        for (double t : Thresholds.values()) {
          Http.Reply table = fx.http.get(overlay(id, image, "json", t), team);
          assertEquals(shown ? 200 : 403, table.status(), image + " at " + t + ": " + table.body());
          if (shown && board) {
            assertNoPerObject(table.json(), "overlay table of " + image);
            assertTrue(table.json().getJsonArray("predictions").size() > 400, "the probe's own masks are listed");
          } else if (shown) {
            assertFalse(perObjectKeys(table.json()).isEmpty(), "a Feedback image keeps its detail");
          }
        }
        HttpResponse<byte[]> png = fx.http.getBytes(overlay(id, image, "png", 0.5), team);
        assertEquals(shown ? 200 : 403, png.statusCode(), image);
        if (shown && board) {
          assertArrayEquals(pixels(OverlayRenderer.render((Path) null, W, H, List.of(), probeMasks(), 0.5,
              Disclosure.COUNTS).png()), pixels(png.body()), image + ": the picture is the probe's masks alone");
        }
      }
    }
  }

  private void start(java.util.function.UnaryOperator<JsonObject> level) {
    ServerFixture.copyExampleCompetition(dataDir, level);
    Path solution = dataDir.resolve("competitions/example/solution.csv");
    try {
      String text = Files.readString(solution).replaceAll("(?m)^(" + FEEDBACK_IMAGE + ",.*),Public$", "$1,Feedback");
      Files.writeString(solution, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String overlay(long id, String image, String format, double threshold) {
    return "/api/submissions/" + id + "/overlay/" + image + "." + format + "?threshold="
        + String.format(java.util.Locale.ROOT, "%.2f", threshold);
  }

  /** A 1-pixel mask on every {@link #STEP}th pixel of each image (1-indexed RLE starts). */
  static byte[] probeCsv() {
    StringBuilder csv = new StringBuilder("id,predicted\n");
    for (String image : IMAGES) {
      for (int p = 0; p < W * H; p += STEP) {
        csv.append(image).append(',').append(p + 1).append(" 1\n");
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<RunMask> probeMasks() {
    List<RunMask> masks = new ArrayList<>();
    for (int p = 0; p < W * H; p += STEP) {
      masks.add(RunMask.ofRuns(new int[] {p}, new int[] {1}, W, H));
    }
    return masks;
  }

  private static void assertNoPerObject(JsonObject json, String where) {
    List<String> found = perObjectKeys(json);
    assertTrue(found.isEmpty(), where + " holds per-object numbers " + found + ": " + json.encode());
  }

  /** The per-object keys anywhere in {@code json}, and any list of ground-truth cells. */
  static List<String> perObjectKeys(Object json) {
    List<String> found = new ArrayList<>();
    if (json instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        if (PER_OBJECT.contains(key) || (key.equals("cells") && o.getValue(key) instanceof JsonArray)) {
          found.add(key);
        }
        found.addAll(perObjectKeys(o.getValue(key)));
      }
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> found.addAll(perObjectKeys(v)));
    }
    return found;
  }

  private static int[] pixels(byte[] png) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
