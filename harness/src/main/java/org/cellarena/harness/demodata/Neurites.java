package org.cellarena.harness.demodata;

import java.util.Random;

/**
 * Thin processes grown from a cell as slowly turning random walks, sometimes branching. They are drawn into the
 * thickness only: like the real annotations, the ground-truth masks hold the cell bodies.
 */
final class Neurites {
  private Neurites() {}

  /** Grows a neurite from ({@code x}, {@code y}) heading {@code heading} for about {@code length} pixels. */
  static void grow(ThicknessMap map, double x, double y, double heading, double length, double thickness,
      Random random, int branchesLeft) {
    double width = 0.55 + random.nextDouble() * 0.35;
    double curl = 0.04 + random.nextDouble() * 0.08;
    for (double s = 0; s < length; s += 0.7) {
      heading += curl * random.nextGaussian();
      x += 0.7 * Math.cos(heading);
      y += 0.7 * Math.sin(heading);
      if (x < -5 || y < -5 || x > map.width + 5 || y > map.height + 5) {
        return;
      }
      double taper = 1 - 0.5 * s / length;
      map.dot(x, y, width * taper, thickness * (0.8 + 0.4 * random.nextDouble()));
      if (branchesLeft > 0 && random.nextDouble() < 0.012) {
        double turn = (random.nextBoolean() ? 1 : -1) * (0.4 + random.nextDouble() * 0.6);
        grow(map, x, y, heading + turn, (length - s) * (0.3 + 0.5 * random.nextDouble()), thickness * 0.8,
            random, branchesLeft - 1);
      }
    }
  }
}
