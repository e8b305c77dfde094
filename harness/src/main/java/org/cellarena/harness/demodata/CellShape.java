package org.cellarena.harness.demodata;

import java.util.Random;

/**
 * The outline of one cell body in its own frame: an ellipse (semi-axes {@code major}, {@code minor}, turned by
 * {@code angle}) whose radius is modulated by a few harmonics (irregularity) and by spikes (astrocyte processes).
 * A point is inside when its ellipse-normalised distance is below {@link #radius(double)} at its angle.
 */
final class CellShape {
  final double major;
  final double minor;
  final double angle;
  /** The superellipse exponent: 2 for an ellipse, lower for the pointed ends of spindle-shaped cells. */
  final double exponent;
  private final double[] harmonicAmplitude;
  private final double[] harmonicPhase;
  private final double[] spikeAngle;
  private final double[] spikeLength;
  private final double[] spikeWidth;

  private CellShape(double major, double minor, double angle, double exponent, int harmonics, double irregularity, int spikes,
      double spikeLengthMin, double spikeLengthMax, Random random) {
    this.major = major;
    this.minor = minor;
    this.angle = angle;
    this.exponent = exponent;
    harmonicAmplitude = new double[harmonics];
    harmonicPhase = new double[harmonics];
    for (int k = 0; k < harmonics; k++) {
      harmonicAmplitude[k] = irregularity * random.nextDouble() / (1 + 0.5 * k);
      harmonicPhase[k] = random.nextDouble() * 2 * Math.PI;
    }
    spikeAngle = new double[spikes];
    spikeLength = new double[spikes];
    spikeWidth = new double[spikes];
    for (int s = 0; s < spikes; s++) {
      spikeAngle[s] = random.nextDouble() * 2 * Math.PI;
      spikeLength[s] = spikeLengthMin + random.nextDouble() * (spikeLengthMax - spikeLengthMin);
      spikeWidth[s] = 0.1 + random.nextDouble() * 0.15;
    }
  }

  /** A body for the cell type, its size and irregularity drawn from the type's ranges. */
  static CellShape draw(CellType type, Random random) {
    double angle = random.nextDouble() * Math.PI;
    return switch (type) {
      case SHSY5Y -> {
        double major = 8 + random.nextDouble() * 8;
        yield new CellShape(major, major * (0.35 + random.nextDouble() * 0.25), angle,
            1.15 + random.nextDouble() * 0.5, 3, 0.18, 0, 0, 0, random);
      }
      case ASTRO -> {
        double major = 11 + random.nextDouble() * 13;
        yield new CellShape(major, major * (0.5 + random.nextDouble() * 0.4), angle,
            1.5 + random.nextDouble() * 0.5, 4, 0.3,
            1 + random.nextInt(4), 0.4, 1.5, random);
      }
      case CORT -> {
        double major = 6 + random.nextDouble() * 4;
        yield new CellShape(major, major * (0.75 + random.nextDouble() * 0.25), angle, 2, 3, 0.1, 0, 0, 0, random);
      }
    };
  }

  /** The normalised distance of a point (u, v) of the cell's frame, in semi-axes: 1 on a plain outline. */
  double distance(double u, double v) {
    return exponent == 2 ? Math.sqrt(u * u + v * v)
        : Math.pow(Math.pow(Math.abs(u), exponent) + Math.pow(Math.abs(v), exponent), 1 / exponent);
  }

  /** The normalised outline radius (1 for a plain ellipse) at angle {@code theta} of the cell's frame. */
  double radius(double theta) {
    double r = 1;
    for (int k = 0; k < harmonicAmplitude.length; k++) {
      r += harmonicAmplitude[k] * Math.cos((k + 2) * theta + harmonicPhase[k]);
    }
    for (int s = 0; s < spikeAngle.length; s++) {
      double d = Math.abs(Math.IEEEremainder(theta - spikeAngle[s], 2 * Math.PI));
      if (d < spikeWidth[s]) {
        double f = 1 - d / spikeWidth[s];
        r += spikeLength[s] * f * f;
      }
    }
    return Math.max(0.3, r);
  }

  /** The largest distance from the centre, in pixels, that the outline can reach. */
  double reach() {
    double r = 1;
    for (double a : harmonicAmplitude) {
      r += a;
    }
    double longest = 0;
    for (double l : spikeLength) {
      longest = Math.max(longest, l);
    }
    return major * (r + longest) + 2;
  }
}
