package org.cellarena.model.train;

import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws the loss curve (and validation mAP, right axis) from {@code metrics.jsonl} records into a PNG (Java2D). */
public final class LossCurve {
  private static final int W = 900;
  private static final int H = 500;
  private static final int PAD = 60;

  private LossCurve() {}

  public static void write(List<JsonObject> records, Path png) throws IOException {
    List<double[]> loss = new ArrayList<>();
    List<double[]> map = new ArrayList<>();
    for (JsonObject r : records) {
      if (!r.has("iter")) {
        continue;
      }
      double it = r.get("iter").getAsDouble();
      if (r.has("loss")) {
        loss.add(new double[] {it, r.get("loss").getAsDouble()});
      }
      if (r.has("val_map")) {
        map.add(new double[] {it, r.get("val_map").getAsDouble()});
      }
    }
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.DARK_GRAY);
    g.drawRect(PAD, PAD / 2, W - 2 * PAD, H - PAD - PAD / 2);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    double maxIt = 1;
    double maxLoss = 1e-6;
    for (double[] p : loss) {
      maxIt = Math.max(maxIt, p[0]);
      maxLoss = Math.max(maxLoss, p[1]);
    }
    for (double[] p : map) {
      maxIt = Math.max(maxIt, p[0]);
    }
    g.drawString("iteration", W / 2 - 20, H - 10);
    g.drawString(String.format("loss (max %.3f)", maxLoss), 5, PAD / 2 - 8);
    g.drawString("val mAP (0..1)", W - PAD - 40, PAD / 2 - 8);
    g.drawString(String.format("%.0f", maxIt), W - PAD - 10, H - PAD + 15);
    g.setStroke(new BasicStroke(1.5f));
    g.setColor(new Color(30, 90, 200));
    plot(g, smooth(loss), maxIt, maxLoss);
    g.setColor(new Color(210, 60, 40));
    plot(g, map, maxIt, 1.0);
    for (double[] p : map) {
      int[] xy = xy(p, maxIt, 1.0);
      g.fillOval(xy[0] - 3, xy[1] - 3, 6, 6);
    }
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }

  private static List<double[]> smooth(List<double[]> pts) {
    List<double[]> out = new ArrayList<>();
    double ema = Double.NaN;
    for (double[] p : pts) {
      ema = Double.isNaN(ema) ? p[1] : 0.9 * ema + 0.1 * p[1];
      out.add(new double[] {p[0], ema});
    }
    return out;
  }

  private static void plot(Graphics2D g, List<double[]> pts, double maxX, double maxY) {
    for (int i = 1; i < pts.size(); i++) {
      int[] a = xy(pts.get(i - 1), maxX, maxY);
      int[] b = xy(pts.get(i), maxX, maxY);
      g.drawLine(a[0], a[1], b[0], b[1]);
    }
  }

  private static int[] xy(double[] p, double maxX, double maxY) {
    int x = PAD + (int) ((W - 2 * PAD) * p[0] / maxX);
    int y = H - PAD - (int) ((H - PAD - PAD / 2) * Math.min(1.0, p[1] / maxY));
    return new int[] {x, y};
  }
}
