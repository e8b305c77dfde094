package org.cellarena.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cellarena.scoring.rle.RunMask;
import org.cellarena.web.competition.Disclosure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayRendererTest {
  private static final int W = 48, H = 32;

  /** A filled rectangle of rows r0..r1, columns c0..c1 (inclusive). */
  private static RunMask rect(int r0, int c0, int r1, int c1) {
    RunMask.RunBuilder b = new RunMask.RunBuilder(W, H);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        b.add(r * W + c);
      }
    }
    return b.build();
  }

  private static BufferedImage png(OverlayRenderer.Overlay o) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(o.png()));
    assertEquals(W, img.getWidth());
    assertEquals(H, img.getHeight());
    return img;
  }

  private static int at(BufferedImage img, int row, int col) {
    return img.getRGB(col, row) & 0xFFFFFF;
  }

  @Test
  void contoursAreColouredByOutcome() throws IOException {
    RunMask matchedCell = rect(2, 2, 11, 11);
    RunMask missedCell = rect(18, 2, 27, 11);
    RunMask matchedPrediction = rect(2, 2, 11, 10); // IoU 90/100 = 0.9 with the first cell
    RunMask spurious = rect(18, 30, 25, 40);
    OverlayRenderer.Overlay o = OverlayRenderer.render((Path) null, W, H,
        List.of(matchedCell, missedCell), List.of(matchedPrediction, spurious), 0.5, Disclosure.TRUTH);
    BufferedImage img = png(o);

    assertEquals(OverlayRenderer.MATCHED_CELL, at(img, 2, 2), "corner of the matched cell");
    assertEquals(OverlayRenderer.MATCHED_CELL, at(img, 11, 11), "far corner of the matched cell");
    assertEquals(OverlayRenderer.MATCHED_PREDICTION, at(img, 6, 10), "right edge of the matched prediction");
    assertEquals(OverlayRenderer.NEUTRAL, at(img, 6, 6), "inside a matched cell: untouched");
    assertEquals(OverlayRenderer.UNMATCHED_CELL, at(img, 18, 5), "top edge of the missed cell");
    assertEquals(OverlayRenderer.UNMATCHED_CELL, at(img, 22, 2), "left edge of the missed cell");
    assertEquals(OverlayRenderer.blend(OverlayRenderer.NEUTRAL, OverlayRenderer.UNMATCHED_CELL,
        OverlayRenderer.FILL_ALPHA), at(img, 22, 6), "inside the missed cell: a light fill");
    assertEquals(OverlayRenderer.UNMATCHED_PREDICTION, at(img, 25, 35), "bottom edge of the spurious prediction");
    assertEquals(OverlayRenderer.blend(OverlayRenderer.NEUTRAL, OverlayRenderer.UNMATCHED_PREDICTION,
        OverlayRenderer.FILL_ALPHA), at(img, 21, 35), "inside the spurious prediction");
    assertEquals(OverlayRenderer.NEUTRAL, at(img, 0, 47), "background: the neutral canvas without an image");

    JsonObject t = o.table();
    assertEquals(0.5, t.getDouble("threshold"));
    assertEquals(1, t.getInteger("tp"));
    assertEquals(1, t.getInteger("fp"));
    assertEquals(1, t.getInteger("fn"));
    assertEquals(1, t.getInteger("matched_predictions"));
    assertEquals(1, t.getInteger("unmatched_predictions"));
    assertTrue(t.getBoolean("truth"));
    assertFalse(t.getBoolean("image"));
    JsonObject first = t.getJsonArray("cells").getJsonObject(0);
    assertEquals(0.9, first.getDouble("best_iou"), 1e-9);
    assertEquals(1, first.getInteger("best_prediction"));
    assertEquals("matched", first.getString("outcome"));
    assertEquals("matched", first.getString("at_0_5"));
    JsonObject second = t.getJsonArray("cells").getJsonObject(1);
    assertEquals("unmatched", second.getString("outcome"));
    assertEquals("missed", second.getString("at_0_5"), "the breakdown's word for it at IoU 0.5");
    assertEquals(0.0, second.getDouble("best_iou"));
    assertEquals(null, second.getValue("best_prediction"));
    assertEquals("unmatched", t.getJsonArray("predictions").getJsonObject(1).getString("outcome"));
    assertEquals("spurious", t.getJsonArray("predictions").getJsonObject(1).getString("at_0_5"));
  }

  @Test
  void withoutTheTruthNothingOfTheCellsReachesThePictureOrTheTable() throws IOException {
    List<RunMask> cells = List.of(rect(2, 2, 11, 11), rect(18, 2, 27, 11), rect(20, 36, 28, 44));
    RunMask matching = rect(2, 2, 11, 10);
    RunMask spurious = rect(18, 30, 25, 40);
    BufferedImage plain =
        png(OverlayRenderer.render((Path) null, W, H, List.of(), List.of(), 0.5, Disclosure.DETAIL));
    for (List<RunMask> predicted : List.of(List.<RunMask>of(), List.of(matching, spurious))) {
      OverlayRenderer.Overlay hidden =
          OverlayRenderer.render((Path) null, W, H, cells, predicted, 0.5, Disclosure.DETAIL);
      BufferedImage img = png(hidden);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int row = y, col = x;
          if (predicted.stream().noneMatch(m -> m.contains(row, col))) {
            assertEquals(at(plain, y, x), at(img, y, x), "pixel " + x + "," + y + ", outside the team's "
                + "predictions, must show the image alone");
          }
        }
      }
      JsonObject t = hidden.table();
      assertFalse(t.containsKey("cells"));
      assertFalse(t.getBoolean("truth"));
      for (Object o : t.getJsonArray("predictions")) {
        JsonObject p = (JsonObject) o;
        assertFalse(p.containsKey("best_cell"), "no cell index");
        assertFalse(p.containsKey("at_0_5"), "no breakdown outcome per prediction");
      }
    }
    OverlayRenderer.Overlay shown = OverlayRenderer.render((Path) null, W, H, cells, List.of(matching, spurious),
        0.5, Disclosure.DETAIL);
    BufferedImage img = png(shown);
    assertEquals(OverlayRenderer.MATCHED_PREDICTION, at(img, 6, 10), "the team's own matched prediction is drawn");
    assertEquals(OverlayRenderer.UNMATCHED_PREDICTION, at(img, 25, 35), "and its unmatched one");
    assertEquals(OverlayRenderer.NEUTRAL, at(img, 18, 5), "the unmatched cell is not");
    assertEquals("matched", shown.table().getJsonArray("predictions").getJsonObject(0).getString("outcome"));
    assertEquals(0.9, shown.table().getJsonArray("predictions").getJsonObject(0).getDouble("best_iou"), 1e-9);
    assertEquals(2, shown.table().getInteger("fn"), "the image's counts stay");
  }

  @Test
  void atCountsThePictureAndTableAreTheSameWhateverTheCells() throws IOException {
    RunMask matching = rect(2, 2, 11, 10);
    RunMask spurious = rect(18, 30, 25, 40);
    List<RunMask> predicted = List.of(matching, spurious);
    OverlayRenderer.Overlay onCells = OverlayRenderer.render((Path) null, W, H,
        List.of(rect(2, 2, 11, 11), rect(18, 2, 27, 11)), predicted, 0.5, Disclosure.COUNTS);
    OverlayRenderer.Overlay onNothing =
        OverlayRenderer.render((Path) null, W, H, List.of(), predicted, 0.5, Disclosure.COUNTS);
    assertEquals(java.util.Arrays.toString(pixels(png(onNothing))), java.util.Arrays.toString(pixels(png(onCells))),
        "the picture does not depend on the ground truth");
    assertEquals(OverlayRenderer.PREDICTION, at(png(onCells), 25, 35), "a prediction's contour, one colour");
    JsonObject t = onCells.table();
    assertEquals("counts", t.getString("shown"));
    assertEquals(1, t.getInteger("tp"));
    assertFalse(t.containsKey("matched_predictions"));
    assertEquals(onNothing.table().getJsonArray("predictions"), t.getJsonArray("predictions"));
    for (Object o : t.getJsonArray("predictions")) {
      assertEquals(java.util.Set.of("index", "area", "bbox"), ((JsonObject) o).fieldNames());
    }
  }

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, W, H, null, 0, W);
  }

  @Test
  void theOutcomeFollowsTheThresholdStrictly() throws IOException {
    RunMask cell = rect(4, 4, 13, 13); // 100 pixels
    RunMask prediction = rect(4, 4, 13, 11); // 80 pixels inside: IoU exactly 0.8
    OverlayRenderer.Overlay at75 =
        OverlayRenderer.render((Path) null, W, H, List.of(cell), List.of(prediction), 0.75, Disclosure.TRUTH);
    OverlayRenderer.Overlay at80 =
        OverlayRenderer.render((Path) null, W, H, List.of(cell), List.of(prediction), 0.8, Disclosure.TRUTH);
    assertEquals(OverlayRenderer.MATCHED_CELL, at(png(at75), 4, 8));
    assertEquals("matched", at75.table().getJsonArray("cells").getJsonObject(0).getString("outcome"));
    // IoU 0.8 does not exceed 0.8: the cell is missed and the prediction spurious.
    BufferedImage img = png(at80);
    assertEquals(OverlayRenderer.UNMATCHED_CELL, at(img, 4, 8));
    assertEquals(OverlayRenderer.UNMATCHED_PREDICTION, at(img, 8, 11), "prediction's right edge, inside the cell");
    assertEquals("unmatched", at80.table().getJsonArray("cells").getJsonObject(0).getString("outcome"));
    assertEquals("matched", at80.table().getJsonArray("cells").getJsonObject(0).getString("at_0_5"));
    assertEquals("unmatched", at80.table().getJsonArray("predictions").getJsonObject(0).getString("outcome"));
    assertEquals(0.8, at80.table().getJsonArray("cells").getJsonObject(0).getDouble("best_iou"), 1e-9);
    assertEquals(0, at80.table().getInteger("tp"));
  }

  @Test
  void drawsOverA16BitImage(@TempDir Path dir) throws IOException {
    BufferedImage sixteen = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster raster = sixteen.getRaster();
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        raster.setSample(x, y, 0, 20000 + x * 400); // a horizontal ramp in a narrow 16-bit band
      }
    }
    Path file = dir.resolve("img.png");
    ImageIO.write(sixteen, "png", file.toFile());
    OverlayRenderer.Overlay o =
        OverlayRenderer.render(file, W, H, List.of(rect(10, 10, 20, 20)), List.of(), 0.5, Disclosure.TRUTH);
    BufferedImage img = png(o);
    int left = at(img, 2, 1), right = at(img, 2, 46);
    assertEquals(left & 255, (left >> 8) & 255, "grey");
    assertTrue((right & 255) - (left & 255) > 150, "the narrow 16-bit ramp is stretched: " + left + " " + right);
    assertNotEquals(OverlayRenderer.NEUTRAL, left);
    assertEquals(OverlayRenderer.UNMATCHED_CELL, at(img, 10, 15));
    assertTrue(o.table().getBoolean("image"));
  }

  @Test
  void drawsOverAColourImage(@TempDir Path dir) throws IOException {
    BufferedImage rgb = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        rgb.setRGB(x, y, x < W / 2 ? 0xFF202020 : 0xFFE0E0E0);
      }
    }
    Path file = dir.resolve("rgb.png");
    ImageIO.write(rgb, "png", file.toFile());
    BufferedImage img = png(OverlayRenderer.render(file, W, H, List.of(), List.of(), 0.5, Disclosure.TRUTH));
    assertTrue((at(img, 5, 40) & 255) > (at(img, 5, 4) & 255) + 100, "dark left, light right");
  }

  @Test
  void refusesAThresholdThatIsNotOneOfTheTen() {
    assertThrows(IllegalArgumentException.class,
        () -> OverlayRenderer.render((Path) null, W, H, List.of(), List.of(), 0.52, Disclosure.TRUTH));
  }
}
