package org.cellarena.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training plot's axes (nice ticks, val mAP on its own scale) and its smoothing. */
class LossCurveTest {
  @Test
  void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
    PlotAxis map = new PlotAxis(0, 0.0291, 5, 580, 420);
    assertEquals(List.of("0.00", "0.01", "0.02", "0.03"), map.ticks().stream().map(map::label).toList());
    PlotAxis iterations = new PlotAxis(0, 2130, 8, 70, 820);
    assertEquals(500, iterations.step, 1e-9);
    assertEquals(2500, iterations.max, 1e-9);
    assertEquals("1500", iterations.label(1500));
    assertEquals(70, iterations.pixel(0));
    assertEquals(820, iterations.pixel(2500));
  }

  @Test
  void smoothingKeepsAConstantConstantFromTheFirstPoint() {
    List<double[]> smoothed = LossCurve.smooth(List.of(new double[] {10, 2}, new double[] {20, 2},
        new double[] {30, 2}));
    smoothed.forEach(p -> assertEquals(2, p[1], 1e-12));
    assertEquals(1.0, LossCurve.smooth(List.of(new double[] {10, 1}, new double[] {20, 3})).get(0)[1], 1e-12);
  }

  @Test
  void aSmallValidationMapStandsHighOnItsOwnAxisNotOnTheFloor() {
    List<JsonObject> records = List.of(
        json("{\"epoch\":1,\"iter\":10,\"loss\":2.5,\"loss_rpn_cls\":0.7,\"loss_rpn_bbox\":0.1,\"loss_cls\":0.7,"
            + "\"loss_bbox\":0.2,\"loss_mask\":0.8}"),
        json("{\"epoch\":1,\"iter\":10,\"val_map\":0.05,\"val_map_per_type\":{\"cort\":0.05}}"));
    BufferedImage img = LossCurve.draw(records);
    int orange = 0xD55E00;
    boolean upperHalf = false; // the val mAP panel spans rows 420..580; on a 0..1 axis 0.05 would lie at row 572
    for (int y = 420; y <= 500 && !upperHalf; y++) {
      for (int x = 60; x < 830 && !upperHalf; x++) {
        upperHalf = (img.getRGB(x, y) & 0xFFFFFF) == orange;
      }
    }
    assertTrue(upperHalf, "0.05 on an axis of 0..0.06 lies in the upper half of its panel");
  }

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }
}
