package org.cellarena.harness.demodata;

import java.util.Random;

/**
 * What lies on a real culture besides the annotated cells, drawn into the thickness only (the ground truth holds
 * none of it): dense particles (a black dot in a bright halo; cort cultures are strewn with hundreds), faint dust
 * (the grainy texture of cort images), and clusters of rounded dead cells (bright-centred rings; shsy5y has most).
 */
final class Debris {
  private Debris() {}

  static void scatter(CellType type, ThicknessMap map, Random random) {
    double scale = map.width * (double) map.height / CellType.REFERENCE_AREA;
    int particles = (int) Math.round(scale * switch (type) {
      case SHSY5Y -> 20 + random.nextInt(60);
      case ASTRO -> 20 + random.nextInt(40);
      case CORT -> 200 + random.nextInt(300);
    });
    scatterDots(map, particles, 1.2, 1.4, 1.2, 1.4, random);
    int dust = (int) Math.round(scale * (type == CellType.CORT ? 1500 + random.nextInt(1500) : 300));
    scatterDots(map, dust, 0.6, 0.8, 0.2, 0.5, random);
    int clusters = (int) Math.round(scale * (type == CellType.SHSY5Y ? 1 + random.nextInt(6) : random.nextInt(5)));
    for (int c = 0; c < clusters; c++) {
      deadCellCluster(map, random.nextDouble() * map.width, random.nextDouble() * map.height, random);
    }
  }

  /** {@code count} dots anywhere, radius and thickness uniform in [min, min + range). */
  private static void scatterDots(ThicknessMap map, int count, double minRadius, double radiusRange,
      double minThickness, double thicknessRange, Random random) {
    for (int d = 0; d < count; d++) {
      map.dot(random.nextDouble() * map.width, random.nextDouble() * map.height,
          minRadius + random.nextDouble() * radiusRange, minThickness + random.nextDouble() * thicknessRange);
    }
  }

  /** Two to eight rounded dead cells in a chain, each touching the one before. */
  private static void deadCellCluster(ThicknessMap map, double x, double y, Random random) {
    int members = 2 + random.nextInt(7);
    for (int m = 0; m < members; m++) {
      double r = 2.5 + random.nextDouble() * 1.8;
      map.ring(x, y, r, 0.8 + random.nextDouble() * 0.6);
      x += (2 * r) * Math.cos(random.nextDouble() * 2 * Math.PI);
      y += (2 * r) * Math.sin(random.nextDouble() * 2 * Math.PI);
    }
  }
}
