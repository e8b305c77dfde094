package org.cellarena.model.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The training plot, drawn from {@code metrics.jsonl} into a PNG with Java2D: above, the loss and its five parts
 * against the iteration (smoothed; the raw total in grey); below, on its own scale, the validation mAP overall
 * (points) and per cell type; dotted lines where an epoch ended and validated. Axes with ticks and labels, legends.
 */
public final class LossCurve {
  private static final int W = 1000;
  private static final int H = 640;
  private static final int LEFT = 70;
  private static final int RIGHT = W - 180;
  private static final int LOSS_TOP = 50;
  private static final int LOSS_BOTTOM = 380;
  private static final int MAP_TOP = 420;
  private static final int MAP_BOTTOM = 580;
  /** Exponential smoothing weight of the loss lines (each record already averages 10 iterations). */
  private static final double SMOOTHING = 0.6;

  private static final Map<String, Color> LOSSES = new LinkedHashMap<>();
  private static final Color[] TYPE_COLOURS = {
      new Color(0, 158, 115), new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233)};
  private static final Color MAP = new Color(213, 94, 0);
  private static final Color GRID = new Color(232, 232, 232);
  private static final Color RAW = new Color(190, 190, 190);
  private static final Stroke THIN = new BasicStroke(1f);
  private static final Stroke SOLID = new BasicStroke(1.6f);
  private static final Stroke BOLD = new BasicStroke(2.4f);
  private static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1,
      new float[] {6, 4}, 0);

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
    ImageIO.write(draw(records), "png", png.toFile());
  }

  static BufferedImage draw(List<JsonObject> records) {
    Map<String, List<double[]>> losses = new LinkedHashMap<>();
    List<double[]> map = new ArrayList<>();
    Map<String, List<double[]>> perType = new LinkedHashMap<>();
    List<double[]> epochEnds = new ArrayList<>(); // iteration, epoch
    double maxIter = 1;
    for (JsonObject r : records) {
      if (!r.has("iter")) {
        continue;
      }
      double it = r.get("iter").getAsDouble();
      maxIter = Math.max(maxIter, it);
      for (String key : LOSSES.keySet()) {
        if (r.has(key)) {
          losses.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {it, r.get(key).getAsDouble()});
        }
      }
      if (r.has("val_map")) {
        map.add(new double[] {it, r.get("val_map").getAsDouble()});
        epochEnds.add(new double[] {it, r.has("epoch") ? r.get("epoch").getAsDouble() : epochEnds.size() + 1});
        if (r.has("val_map_per_type") && r.getAsJsonObject("val_map_per_type").size() > 1) {
          for (Map.Entry<String, JsonElement> e : r.getAsJsonObject("val_map_per_type").entrySet()) {
            perType.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {it, e.getValue().getAsDouble()});
          }
        }
      }
    }
    Map<String, List<double[]>> smoothed = new LinkedHashMap<>();
    double maxLoss = 0;
    for (Map.Entry<String, List<double[]>> e : losses.entrySet()) {
      List<double[]> s = smooth(e.getValue());
      smoothed.put(e.getKey(), s);
      for (double[] p : s) {
        maxLoss = Math.max(maxLoss, p[1]);
      }
    }
    double maxMap = 0;
    for (double[] p : map) {
      maxMap = Math.max(maxMap, p[1]);
    }
    for (List<double[]> series : perType.values()) {
      for (double[] p : series) {
        maxMap = Math.max(maxMap, p[1]);
      }
    }

    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.setColor(Color.BLACK);
    g.drawString("Training loss and validation mAP", LEFT, 28);

    PlotAxis x = new PlotAxis(0, maxIter, 8, LEFT, RIGHT);
    PlotAxis yLoss = new PlotAxis(0, maxLoss > 0 ? maxLoss : 1, 7, LOSS_BOTTOM, LOSS_TOP);
    PlotAxis yMap = new PlotAxis(0, maxMap > 0 ? maxMap : 0.1, 5, MAP_BOTTOM, MAP_TOP);
    frame(g, x, yLoss, LOSS_TOP, LOSS_BOTTOM, "loss", false, epochEnds);
    frame(g, x, yMap, MAP_TOP, MAP_BOTTOM, "val mAP", true, epochEnds);

    g.setClip(LEFT, LOSS_TOP, RIGHT - LEFT + 1, LOSS_BOTTOM - LOSS_TOP + 1);
    if (losses.containsKey("loss")) {
      line(g, losses.get("loss"), x, yLoss, RAW, THIN);
    }
    List<String> lossKeys = new ArrayList<>(smoothed.keySet());
    for (int i = lossKeys.size() - 1; i >= 0; i--) { // the total last, on top
      String key = lossKeys.get(i);
      line(g, smoothed.get(key), x, yLoss, LOSSES.get(key), key.equals("loss") ? BOLD : SOLID);
    }
    g.setClip(LEFT, MAP_TOP - 4, RIGHT - LEFT + 5, MAP_BOTTOM - MAP_TOP + 8);
    int t = 0;
    List<Key> mapLegend = new ArrayList<>();
    if (!map.isEmpty()) {
      mapLegend.add(new Key("overall", MAP, BOLD));
    }
    for (Map.Entry<String, List<double[]>> e : perType.entrySet()) {
      Color c = TYPE_COLOURS[t++ % TYPE_COLOURS.length];
      line(g, e.getValue(), x, yMap, c, DASHED);
      mapLegend.add(new Key(e.getKey(), c, DASHED));
    }
    line(g, map, x, yMap, MAP, BOLD);
    g.setColor(MAP);
    for (double[] p : map) {
      g.fillOval(x.pixel(p[0]) - 4, yMap.pixel(p[1]) - 4, 8, 8);
    }
    g.setClip(null);

    List<Key> lossLegend = new ArrayList<>();
    for (String key : smoothed.keySet()) {
      lossLegend.add(key.equals("loss") ? new Key("loss (total)", LOSSES.get(key), BOLD)
          : new Key(key.substring(5), LOSSES.get(key), SOLID));
    }
    if (losses.containsKey("loss")) {
      lossLegend.add(new Key("total, raw", RAW, THIN));
    }
    legend(g, LOSS_TOP, "smoothed (EMA " + SMOOTHING + ")", lossLegend);
    legend(g, MAP_TOP, map.isEmpty() ? "no validation yet" : "dotted: epoch ends", mapLegend);
    g.dispose();
    return img;
  }

  /** Grid, ticks, tick labels and the axis titles of one panel; iterations under the lower one. */
  private static void frame(Graphics2D g, PlotAxis x, PlotAxis y, int top, int bottom, String yTitle,
      boolean xLabels, List<double[]> epochEnds) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    for (double v : y.ticks()) {
      int py = y.pixel(v);
      g.setColor(GRID);
      g.drawLine(LEFT, py, RIGHT, py);
      g.setColor(Color.DARK_GRAY);
      g.drawLine(LEFT - 5, py, LEFT, py);
      String label = y.label(v);
      g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
    }
    g.setColor(new Color(170, 170, 170));
    Stroke dotted = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {2, 3}, 0);
    Stroke plain = g.getStroke();
    g.setStroke(dotted);
    boolean labelled = epochEnds.size() <= 30;
    for (double[] e : epochEnds.size() <= 60 ? epochEnds : List.<double[]>of()) {
      g.drawLine(x.pixel(e[0]), top, x.pixel(e[0]), bottom);
      if (labelled && !xLabels) { // the epoch numbers above the upper panel
        String label = String.format("%.0f", e[1]);
        g.drawString(label, x.pixel(e[0]) - fm.stringWidth(label) / 2, top - 5);
      }
    }
    if (labelled && !xLabels && !epochEnds.isEmpty()) {
      g.drawString("epoch", RIGHT + 8, top - 5);
    }
    g.setStroke(plain);
    g.setColor(Color.DARK_GRAY);
    for (double v : x.ticks()) {
      int px = x.pixel(v);
      g.drawLine(px, bottom, px, bottom + 5);
      if (xLabels) {
        String label = x.label(v);
        g.drawString(label, px - fm.stringWidth(label) / 2, bottom + 8 + fm.getAscent());
      }
    }
    g.drawRect(LEFT, top, RIGHT - LEFT, bottom - top);
    if (xLabels) {
      g.drawString("iteration", (LEFT + RIGHT) / 2 - fm.stringWidth("iteration") / 2, bottom + 40);
    }
    Graphics2D r = (Graphics2D) g.create();
    r.rotate(-Math.PI / 2);
    r.drawString(yTitle, -(top + bottom) / 2 - fm.stringWidth(yTitle) / 2, 18);
    r.dispose();
  }

  /** A legend line: a stretch of the series' stroke and its name. */
  private record Key(String label, Color colour, Stroke stroke) {}

  private static void legend(Graphics2D g, int top, String note, List<Key> entries) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int lx = RIGHT + 16;
    int y = top + 14;
    for (Key e : entries) {
      g.setColor(e.colour());
      g.setStroke(e.stroke());
      g.drawLine(lx, y - 4, lx + 26, y - 4);
      g.setColor(Color.BLACK);
      g.drawString(e.label(), lx + 34, y);
      y += 18;
    }
    g.setStroke(THIN);
    g.setColor(Color.GRAY);
    g.drawString(note, lx, y + 4);
  }

  private static void line(Graphics2D g, List<double[]> pts, PlotAxis x, PlotAxis y, Color colour, Stroke stroke) {
    if (pts.isEmpty()) {
      return;
    }
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x.pixel(pts.get(0)[0]), y.pixel(pts.get(0)[1]));
    for (int i = 1; i < pts.size(); i++) {
      path.lineTo(x.pixel(pts.get(i)[0]), y.pixel(pts.get(i)[1]));
    }
    g.setColor(colour);
    g.setStroke(stroke);
    g.draw(path);
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
