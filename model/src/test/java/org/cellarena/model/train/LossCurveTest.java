package org.cellarena.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training plot: its panels and series, val mAP on its own scale, the PNG, and the smoothing. */
class LossCurveTest {
  private static final List<JsonObject> RECORDS = List.of(
      json("{\"epoch\":1,\"iter\":10,\"loss\":2.5,\"loss_rpn_cls\":0.7,\"loss_rpn_bbox\":0.1,\"loss_cls\":0.7,"
          + "\"loss_bbox\":0.2,\"loss_mask\":0.8}"),
      json("{\"epoch\":1,\"iter\":20,\"loss\":2.1,\"loss_rpn_cls\":0.6,\"loss_rpn_bbox\":0.1,\"loss_cls\":0.5,"
          + "\"loss_bbox\":0.2,\"loss_mask\":0.7}"),
      json("{\"epoch\":1,\"iter\":20,\"val_map\":0.05,\"val_map_per_type\":{\"astro\":0.02,\"cort\":0.08}}"));

  @Test
  void smoothingKeepsAConstantConstantFromTheFirstPoint() {
    List<double[]> smoothed = LossCurve.smooth(List.of(new double[] {10, 2}, new double[] {20, 2},
        new double[] {30, 2}));
    smoothed.forEach(p -> assertEquals(2, p[1], 1e-12));
    assertEquals(1.0, LossCurve.smooth(List.of(new double[] {10, 1}, new double[] {20, 3})).get(0)[1], 1e-12);
  }

  @Test
  void lossesAboveValidationBelowEachWithItsSeries() {
    List<XYPlot> panels = panels(LossCurve.chart(RECORDS));
    assertEquals(2, panels.size());
    assertEquals(List.of("loss (total)", "rpn_cls", "rpn_bbox", "cls", "bbox", "mask", "total, raw"),
        names(panels.get(0)));
    assertEquals(List.of("overall", "astro", "cort"), names(panels.get(1)));
    assertEquals(1, panels.get(1).getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "one epoch end");
  }

  @Test
  void aSmallValidationMapStandsHighOnItsOwnAxisNotOnTheFloor() {
    XYPlot map = panels(LossCurve.chart(RECORDS)).get(1);
    double top = map.getRangeAxis().getUpperBound();
    assertTrue(top >= 0.08 && top < 0.2, "the mAP axis ends just above its largest value, not at 1: " + top);
  }

  @Test
  void writesAThousandBySixHundredFortyPng(@TempDir Path tmp) throws Exception {
    Path png = tmp.resolve("loss_curve.png");
    LossCurve.write(RECORDS, png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1000, img.getWidth());
    assertEquals(640, img.getHeight());
    LossCurve.write(List.of(), png); // before the first record: empty panels, no failure
  }

  private static List<XYPlot> panels(JFreeChart chart) {
    return ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
  }

  private static List<String> names(XYPlot plot) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
      out.add(plot.getDataset().getSeriesKey(i).toString());
    }
    return out;
  }

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }
}
