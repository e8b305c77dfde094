package org.cellarena.harness.demodata;

import java.util.Random;

/**
 * Where cells grow: a few clump centres per image; each cell lands near a clump (Gaussian spread) or, with the
 * type's scatter probability, anywhere. shsy5y clumps most, cort least.
 */
final class Clumps {
  private final double[][] centres;
  private final double spread;
  private final double scatter;
  private final int width;
  private final int height;

  private Clumps(double[][] centres, double spread, double scatter, int width, int height) {
    this.centres = centres;
    this.spread = spread;
    this.scatter = scatter;
    this.width = width;
    this.height = height;
  }

  static Clumps draw(CellType type, int width, int height, Random random) {
    double scale = Math.sqrt(width * (double) height / CellType.REFERENCE_AREA);
    int count;
    double spread;
    double scatter;
    switch (type) {
      case SHSY5Y -> { count = 5 + random.nextInt(8); spread = 40; scatter = 0.25; }
      case ASTRO -> { count = 2 + random.nextInt(4); spread = 40; scatter = 0.15; }
      default -> { count = 4 + random.nextInt(5); spread = 22; scatter = 0.35; }
    }
    count = Math.max(1, (int) Math.round(count * scale * scale));
    double[][] centres = new double[count][];
    for (int c = 0; c < count; c++) {
      centres[c] = new double[] {random.nextDouble() * width, random.nextDouble() * height};
    }
    return new Clumps(centres, spread * Math.max(0.3, scale), scatter, width, height);
  }

  double[] nextCentre(Random random) {
    if (random.nextDouble() < scatter) {
      return new double[] {random.nextDouble() * width, random.nextDouble() * height};
    }
    double[] c = centres[random.nextInt(centres.length)];
    return new double[] {c[0] + spread * random.nextGaussian(), c[1] + spread * random.nextGaussian()};
  }
}
