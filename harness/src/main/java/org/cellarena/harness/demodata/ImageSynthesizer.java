package org.cellarena.harness.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cellarena.scoring.rle.RunMask;

/**
 * Makes one image of one cell type: places cells (in clumps, touching and partly overlapping, as in culture),
 * draws their bodies, neurites and unannotated {@link Debris} as thickness, images it with
 * {@link PhaseContrastOptics}, and returns the pixels with the ground-truth body masks.
 */
public final class ImageSynthesizer {
  /** At most this share of a new cell's visible area may lie on cells already placed. */
  static final double MAX_OVERLAP = 0.2;

  /** One generated image: gray values (row-major, 0..255) and the cells' masks, which may overlap. */
  public record SyntheticImage(int width, int height, CellType type, float[] pixels, List<RunMask> cells) {}

  private ImageSynthesizer() {}

  public static SyntheticImage synthesize(CellType type, int width, int height, long seed) {
    Random random = new Random(seed);
    ThicknessMap map = new ThicknessMap(width, height);
    short[] coverage = new short[width * height];
    List<RunMask> cells = new ArrayList<>();
    List<CellBody> placed = new ArrayList<>();
    List<CellShape> shapes = new ArrayList<>();
    Clumps clumps = Clumps.draw(type, width, height, random);

    int target = type.drawCellCount(random, width, height);
    for (int attempt = 0; attempt < target * 30 && cells.size() < target; attempt++) {
      double[] centre = clumps.nextCentre(random);
      CellShape shape = CellShape.draw(type, random);
      CellBody body = CellBody.rasterize(shape, centre[0], centre[1], peakThickness(type, random),
          granules(type, random), random);
      RunMask mask = placeIfRoom(body, coverage, width, height);
      if (mask != null) {
        cells.add(mask);
        placed.add(body);
        shapes.add(shape);
        map.add(body);
      }
    }
    for (int c = 0; c < placed.size(); c++) {
      growNeurites(type, map, placed.get(c), shapes.get(c), random);
    }
    Debris.scatter(type, map, random);
    return new SyntheticImage(width, height, type, PhaseContrastOptics.image(map, random), cells);
  }

  /**
   * The body's mask clipped to the image, when enough of it is visible and it does not lie mostly on other cells;
   * then its pixels are marked covered. Null when it does not fit.
   */
  private static RunMask placeIfRoom(CellBody body, short[] coverage, int width, int height) {
    int visible = 0;
    int overlap = 0;
    for (int j = 0; j < body.height; j++) {
      int y = body.y0 + j;
      for (int i = 0; i < body.width; i++) {
        int x = body.x0 + i;
        if (body.inside[j * body.width + i] && x >= 0 && y >= 0 && x < width && y < height) {
          visible++;
          if (coverage[y * width + x] > 0) {
            overlap++;
          }
        }
      }
    }
    if (visible < Math.max(20, body.area / 2) || overlap > MAX_OVERLAP * visible) {
      return null;
    }
    RunMask.RunBuilder runs = new RunMask.RunBuilder(width, height);
    for (int j = 0; j < body.height; j++) {
      int y = body.y0 + j;
      for (int i = 0; i < body.width; i++) {
        int x = body.x0 + i;
        if (body.inside[j * body.width + i] && x >= 0 && y >= 0 && x < width && y < height) {
          coverage[y * width + x]++;
          runs.add(y * width + x);
        }
      }
    }
    return runs.build();
  }

  private static double peakThickness(CellType type, Random random) {
    return switch (type) {
      case SHSY5Y -> 0.7 + 0.35 * random.nextDouble();
      case ASTRO -> 0.4 + 0.2 * random.nextDouble();
      case CORT -> 1.0 + 0.4 * random.nextDouble();
    };
  }

  private static int granules(CellType type, Random random) {
    return switch (type) {
      case SHSY5Y -> random.nextInt(3);
      case ASTRO -> 8 + random.nextInt(12);
      case CORT -> random.nextInt(2);
    };
  }

  private static void growNeurites(CellType type, ThicknessMap map, CellBody body, CellShape shape, Random random) {
    double cx = body.x0 + body.width / 2.0;
    double cy = body.y0 + body.height / 2.0;
    switch (type) {
      case SHSY5Y -> {
        int count = 1 + random.nextInt(3);
        for (int n = 0; n < count; n++) {
          double heading = shape.angle + (n % 2) * Math.PI + 0.5 * random.nextGaussian();
          Neurites.grow(map, cx, cy, heading, 20 + random.nextDouble() * 90, 0.4, random, 1);
        }
      }
      case ASTRO -> {
        int count = 1 + random.nextInt(4);
        for (int n = 0; n < count; n++) {
          Neurites.grow(map, cx, cy, random.nextDouble() * 2 * Math.PI, 30 + random.nextDouble() * 70, 0.4,
              random, 2);
        }
      }
      case CORT -> {
        int count = 2 + random.nextInt(5);
        for (int n = 0; n < count; n++) {
          Neurites.grow(map, cx, cy, random.nextDouble() * 2 * Math.PI, 60 + random.nextDouble() * 140, 0.35,
              random, 2);
        }
      }
    }
  }
}
