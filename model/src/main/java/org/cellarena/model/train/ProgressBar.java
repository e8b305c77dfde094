package org.cellarena.model.train;

import java.io.PrintStream;
import java.util.Map;

/**
 * A one-line progress bar on stderr: label, bar, position, values (counts as integers, lr in e-notation, the rest
 * with 3 decimals), images/s and ETA, redrawn in place.
 */
public final class ProgressBar {
  private final PrintStream out;
  private long lastDraw;
  private int lastLength;

  public ProgressBar(PrintStream out) {
    this.out = out;
  }

  /** Redraws (at most 4 times a second unless {@code force}). */
  public void update(String label, long done, long total, Map<String, ? extends Number> values,
      double imagesPerSecond, double etaSeconds, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < 250_000_000L) {
      return;
    }
    lastDraw = now;
    int width = 20;
    int fill = total > 0 ? (int) Math.min(width, width * done / total) : 0;
    StringBuilder sb = new StringBuilder(label).append(" [");
    sb.append("#".repeat(fill)).append(".".repeat(width - fill)).append("] ");
    sb.append(done).append('/').append(total);
    values.forEach((k, v) -> sb.append(' ').append(k.replace("loss_", "")).append(' ').append(format(k, v)));
    sb.append(String.format(" %.2f img/s ETA %s", imagesPerSecond, Figures.duration(etaSeconds)));
    int length = sb.length();
    sb.append(" ".repeat(Math.max(0, lastLength - length))); // wipe what a longer line left
    lastLength = length;
    out.print("\r" + sb);
    out.flush();
  }

  public void finish() {
    out.println();
    out.flush();
  }

  private static String format(String key, Number v) {
    if (v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    return key.equals("lr") ? String.format("%.2e", v.doubleValue()) : String.format("%.3f", v.doubleValue());
  }
}
