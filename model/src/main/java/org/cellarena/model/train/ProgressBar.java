package org.cellarena.model.train;

import java.io.PrintStream;
import java.util.Map;

/** A one-line progress bar on stderr: bar, position, loss parts, lr, images/s and ETA, redrawn in place. */
public final class ProgressBar {
  private final PrintStream out;
  private final String label;
  private long lastDraw;

  public ProgressBar(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  /** Redraws (at most 4 times a second unless {@code force}). */
  public void update(long done, long total, Map<String, Float> values, double imagesPerSecond, double etaSeconds,
      boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < 250_000_000L) {
      return;
    }
    lastDraw = now;
    int width = 20;
    int fill = total > 0 ? (int) Math.min(width, width * done / total) : 0;
    StringBuilder sb = new StringBuilder("\r").append(label).append(" [");
    sb.append("#".repeat(fill)).append(".".repeat(width - fill)).append("] ");
    sb.append(done).append('/').append(total);
    values.forEach((k, v) -> sb.append(' ').append(k.replace("loss_", "")).append(' ')
        .append(k.equals("lr") ? String.format("%.2e", v) : String.format("%.3f", v)));
    sb.append(String.format(" %.2f img/s ETA %s", imagesPerSecond, eta(etaSeconds)));
    out.print(sb);
    out.flush();
  }

  public void finish() {
    out.println();
    out.flush();
  }

  static String eta(double s) {
    if (Double.isNaN(s) || Double.isInfinite(s)) {
      return "?";
    }
    long t = Math.round(s);
    return String.format("%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
  }
}
