package org.cellarena.model.train;

import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The training plot, drawn from {@code metrics.jsonl} into a PNG with JFreeChart: above, the loss and its five parts
 * against the iteration (smoothed; the raw total in grey); below, on its own scale, the validation mAP overall
 * (points) and per cell type; dotted lines where an epoch ended and validated.
 */
public final class LossCurve {
  private static final int W = 1000;
  private static final int H = 640;
  /** Exponential smoothing weight of the loss lines (each record already averages 10 iterations). */
  private static final double SMOOTHING = 0.6;

  private static final Map<String, Color> LOSSES = new LinkedHashMap<>();
  private static final Color[] TYPE_COLOURS = {
      new Color(0, 158, 115), new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233)};
  private static final Color MAP = new Color(213, 94, 0);
  private static final Color RAW = new Color(190, 190, 190);
  private static final Stroke THIN = new BasicStroke(1f);
  private static final Stroke SOLID = new BasicStroke(1.6f);
  private static final Stroke BOLD = new BasicStroke(2.4f);
  private static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1,
      new float[] {6, 4}, 0);
  private static final Stroke DOTTED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
      new float[] {2, 3}, 0);

  static { // Okabe-Ito colours, told apart with colour-blindness too
    LOSSES.put("loss", Color.BLACK);
    LOSSES.put("loss_rpn_cls", new Color(230, 159, 0));
    LOSSES.put("loss_rpn_bbox", new Color(86, 180, 233));
    LOSSES.put("loss_cls", new Color(0, 158, 115));
    LOSSES.put("loss_bbox", new Color(204, 121, 167));
    LOSSES.put("loss_mask", new Color(0, 114, 178));
  }

  private LossCurve() {}

  public static void write(List<JsonObject> records, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    ChartUtils.saveChartAsPNG(png.toFile(), chart(records), W, H);
  }

  static JFreeChart chart(List<JsonObject> records) {
    Curves curves = Curves.of(records);
    NumberAxis iterations = new NumberAxis("iteration");
    iterations.setLowerMargin(0);
    aboutSixTicks(iterations, curves.losses.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max()
        .orElse(1));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(iterations);
    plot.setGap(16);
    plot.add(lossPlot(curves), 2);
    plot.add(mapPlot(curves), 1);
    JFreeChart chart = new JFreeChart("Training loss and validation mAP", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setPosition(RectangleEdge.RIGHT);
    chart.addSubtitle(new TextTitle("losses smoothed (EMA " + SMOOTHING + "); "
        + (curves.map.isEmpty() ? "no validation yet" : "dotted: epoch ends")));
    return chart;
  }

  /** The losses, smoothed, the total first (drawn on top) and the raw total last (drawn below them all). */
  private static XYPlot lossPlot(Curves c) {
    Lines lines = new Lines();
    c.losses.forEach((key, points) -> lines.add(key.equals("loss") ? "loss (total)" : key.substring(5),
        smooth(points), LOSSES.get(key), key.equals("loss") ? BOLD : SOLID));
    if (c.losses.containsKey("loss")) {
      lines.add("total, raw", c.losses.get("loss"), RAW, THIN);
    }
    XYPlot plot = lines.plot("loss", 1);
    epochMarkers(plot, c.epochEnds, c.epochEnds.size() <= 30);
    return plot;
  }

  private static XYPlot mapPlot(Curves c) {
    Lines lines = new Lines();
    if (!c.map.isEmpty()) {
      lines.add("overall", c.map, MAP, BOLD);
      lines.renderer.setSeriesShapesVisible(0, true);
      lines.renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    int t = 0;
    for (Map.Entry<String, List<double[]>> e : c.perType.entrySet()) {
      lines.add(e.getKey(), e.getValue(), TYPE_COLOURS[t++ % TYPE_COLOURS.length], DASHED);
    }
    XYPlot plot = lines.plot("val mAP", 0.1);
    epochMarkers(plot, c.epochEnds, false);
    return plot;
  }

  /** Dotted lines at the epoch ends (not more than 60), numbered when there are 30 at most. */
  private static void epochMarkers(XYPlot plot, List<double[]> epochEnds, boolean numbered) {
    for (double[] e : epochEnds.size() <= 60 ? epochEnds : List.<double[]>of()) {
      ValueMarker m = new ValueMarker(e[0], Color.GRAY, DOTTED);
      if (numbered) {
        m.setLabel(String.format("epoch %.0f", e[1]));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      }
      plot.addDomainMarker(m);
    }
  }

  /** Line series of one panel with their colours and strokes. */
  private static final class Lines {
    final XYSeriesCollection data = new XYSeriesCollection();
    final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);

    Lines() {
      renderer.setDrawSeriesLineAsPath(true); // dashes run on across points
    }

    void add(String name, List<double[]> points, Color colour, Stroke stroke) {
      XYSeries s = new XYSeries(name, false);
      points.forEach(p -> s.add(p[0], p[1]));
      int i = data.getSeriesCount();
      data.addSeries(s);
      renderer.setSeriesPaint(i, colour);
      renderer.setSeriesStroke(i, stroke);
    }

    XYPlot plot(String title, double emptyMax) {
      NumberAxis y = new NumberAxis(title);
      y.setAutoRangeIncludesZero(true);
      y.setDefaultAutoRange(new Range(0, emptyMax));
      Range bounds = DatasetUtils.findRangeBounds(data);
      aboutSixTicks(y, bounds == null || bounds.getUpperBound() <= 0 ? emptyMax : bounds.getUpperBound());
      XYPlot plot = new XYPlot(data, null, y, renderer);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(new Color(232, 232, 232));
      plot.setRangeGridlinePaint(new Color(232, 232, 232));
      return plot;
    }
  }

  /** The series of the records: losses by key, val mAP overall and per cell type, the epoch ends (iteration, epoch). */
  private record Curves(Map<String, List<double[]>> losses, List<double[]> map, Map<String, List<double[]>> perType,
      List<double[]> epochEnds) {
    static Curves of(List<JsonObject> records) {
      Curves c = new Curves(new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>());
      for (JsonObject r : records) {
        if (!r.has("iter")) {
          continue;
        }
        double it = r.get("iter").getAsDouble();
        LOSSES.keySet().stream().filter(r::has).forEach(key -> c.losses.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new double[] {it, r.get(key).getAsDouble()}));
        if (r.has("val_map")) {
          c.map.add(new double[] {it, r.get("val_map").getAsDouble()});
          c.epochEnds.add(new double[] {it, r.has("epoch") ? r.get("epoch").getAsDouble() : c.epochEnds.size() + 1});
          JsonObject perType = r.has("val_map_per_type") ? r.getAsJsonObject("val_map_per_type") : new JsonObject();
          if (perType.size() > 1) { // one cell type only: the overall line says it all
            perType.entrySet().forEach(e -> c.perType.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add(new double[] {it, e.getValue().getAsDouble()}));
          }
        }
      }
      return c;
    }
  }

  /** Ticks at 1, 2 or 5 times a power of ten, about six of them up to {@code max}. */
  private static void aboutSixTicks(NumberAxis axis, double max) {
    double rough = max / 6;
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double step = rough <= power ? power : rough <= 2 * power ? 2 * power : rough <= 5 * power ? 5 * power : 10 * power;
    axis.setTickUnit(new NumberTickUnit(step));
  }

  /** Exponential moving average, debiased at the start so the first points are not pulled towards 0. */
  static List<double[]> smooth(List<double[]> pts) {
    List<double[]> out = new ArrayList<>();
    double ema = 0;
    double weight = 1;
    for (double[] p : pts) {
      ema = SMOOTHING * ema + (1 - SMOOTHING) * p[1];
      weight *= SMOOTHING;
      out.add(new double[] {p[0], ema / (1 - weight)});
    }
    return out;
  }
}
