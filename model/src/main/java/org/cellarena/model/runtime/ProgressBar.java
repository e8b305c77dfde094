package org.cellarena.model.runtime;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Progress of long work: label, bar, position, values (counts as integers, lr in e-notation, the rest with 3
 * decimals), images/s and ETA. On a terminal one line redrawn in place (at most 4 times a second); into a log or a
 * pipe plain lines, one at each tenth of the total and at least one a minute, so a log holds no carriage returns.
 */
public final class ProgressBar {
  private static final long REDRAW_NANOS = 250_000_000L;
  private static final long PLAIN_LINE_NANOS = 60_000_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private long lastDraw;
  private int lastLength;
  private long lastTenth = -1;

  /** A bar on {@code out}, drawn in place when {@code out} is the standard error and that is a terminal. */
  public ProgressBar(PrintStream out) {
    this(out, out == System.err && stderrIsTerminal());
  }

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Shows the position ({@code force}: now, e.g. at the end of the work). */
  public void update(String label, long done, long total, Map<String, ? extends Number> values,
      double imagesPerSecond, double etaSeconds, boolean force) {
    long now = System.nanoTime();
    long tenth = total > 0 ? 10 * done / total : 0;
    boolean due = terminal ? now - lastDraw >= REDRAW_NANOS
        : tenth != lastTenth || now - lastDraw >= PLAIN_LINE_NANOS;
    if (!force && !due) {
      return;
    }
    lastDraw = now;
    lastTenth = tenth;
    String line = line(label, done, total, values, imagesPerSecond, etaSeconds);
    if (terminal) {
      out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length()))); // wipe a longer line's end
      lastLength = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** A line of its own above the bar (a note, a warning), the bar redrawn below it at the next update. */
  public void note(String text) {
    if (terminal && lastLength > 0) {
      out.print("\r" + " ".repeat(lastLength) + "\r");
      lastLength = 0;
    }
    out.println(text);
    out.flush();
    lastDraw = 0; // redraw at once
  }

  /** Ends the bar's line on a terminal (a plain log has none open). */
  public void finish() {
    if (terminal && lastLength > 0) {
      out.println();
      out.flush();
    }
    lastLength = 0;
    lastTenth = -1;
  }

  static String line(String label, long done, long total, Map<String, ? extends Number> values,
      double imagesPerSecond, double etaSeconds) {
    int width = 20;
    int fill = total > 0 ? (int) Math.min(width, width * done / total) : 0;
    StringBuilder sb = new StringBuilder(label).append(" [");
    sb.append("#".repeat(fill)).append(".".repeat(width - fill)).append("] ");
    sb.append(done).append('/').append(total);
    values.forEach((k, v) -> sb.append(' ').append(k.replace("loss_", "")).append(' ').append(format(k, v)));
    sb.append(String.format(" %.2f img/s ETA %s", imagesPerSecond, Figures.duration(etaSeconds)));
    return sb.toString();
  }

  private static String format(String key, Number v) {
    if (v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    return key.equals("lr") ? String.format("%.2e", v.doubleValue()) : String.format("%.3f", v.doubleValue());
  }

  /**
   * Whether the standard error is a terminal: on Linux its descriptor links to a /dev/pts or /dev/tty device (a
   * pipe or a file otherwise); elsewhere the JVM's console, which needs standard input and output on a terminal.
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      if (Files.exists(fd.getParent())) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (Exception e) { // unreadable: no in-place redraws, plain lines are safe everywhere
      return false;
    }
    return System.console() != null;
  }
}
