package org.cellarena.model.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis from {@code min} to a rounded-up maximum, with "nice" tick values (1, 2 or 5 times a power of ten)
 * and their labels, mapped onto a pixel span.
 */
final class PlotAxis {
  final double min;
  final double max;
  final double step;
  private final int fromPixel;
  private final int toPixel;

  /** An axis over {@code min..dataMax} with about {@code ticks} ticks, drawn from pixel {@code from} to {@code to}. */
  PlotAxis(double min, double dataMax, int ticks, int from, int to) {
    double range = dataMax > min ? dataMax - min : 1;
    this.step = niceStep(range / Math.max(1, ticks - 1));
    this.min = min;
    this.max = min + Math.ceil(range / step - 1e-9) * step;
    this.fromPixel = from;
    this.toPixel = to;
  }

  /** 1, 2 or 5 times a power of ten, the smallest at least {@code rough}. */
  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= rough * (1 - 1e-9)) {
        return m * power;
      }
    }
    return 10 * power;
  }

  List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; min + i * step <= max + step * 1e-9; i++) {
      out.add(min + i * step);
    }
    return out;
  }

  /** A tick's label with the decimals its step needs: 0, 0.5, 0.05, 2000. */
  String label(double value) {
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    return String.format("%." + decimals + "f", value);
  }

  /** The pixel of a value, clamped to the axis. */
  int pixel(double value) {
    double f = Math.max(0, Math.min(1, (value - min) / (max - min)));
    return (int) Math.round(fromPixel + f * (toPixel - fromPixel));
  }
}
