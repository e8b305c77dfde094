package org.cellarena.web.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cellarena.scoring.rle.RunMask;

/**
 * A generated competition the size of Sartorius's: 704x520 images, the three cell types in the train set's
 * proportions (shsy5y 155, astro 131, cort 320 of 606 images) and densities (means 337, 80 and 34 cells: about
 * 120 cells an image), a solution half Public, half Private, and a submission that finds most cells roughly (no
 * overlaps).
 */
public final class SartoriusSizedData {
  static final int WIDTH = 704;
  static final int HEIGHT = 520;

  private record Ellipse(double cx, double cy, double rx, double ry, double angle) {}

  private SartoriusSizedData() {}

  /** Writes {@code dir/competition.json}, {@code dir/solution.csv}; returns the submission's bytes. */
  public static byte[] write(Path dir, String id, int images, long seed) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("competition.json"), """
        {"id": "%s", "title": "Sartorius-sized benchmark", "daily_limit": 100000, "final_picks": 2}
        """.formatted(id));
    Random random = new Random(seed);
    StringBuilder solution = new StringBuilder("id,annotation,width,height,cell_type,Usage\n");
    StringBuilder submission = new StringBuilder("id,predicted\n");
    String[] types = {"shsy5y", "astro", "cort"};
    for (int i = 0; i < images; i++) {
      String image = String.format("bench%04d", i);
      double draw = random.nextDouble() * 606;
      String type = draw < 155 ? types[0] : draw < 155 + 131 ? types[1] : types[2];
      List<Ellipse> cells = cells(type, random);
      String usage = i % 2 == 0 ? "Public" : "Private";
      for (Ellipse cell : cells) {
        RunMask mask = raster(cell, null);
        if (!mask.isEmpty()) {
          solution.append(image).append(',').append(mask.toRle()).append(',').append(WIDTH).append(',')
              .append(HEIGHT).append(',').append(type).append(',').append(usage).append('\n');
        }
      }
      boolean[] taken = new boolean[WIDTH * HEIGHT];
      int written = 0;
      for (Ellipse cell : cells) {
        if (random.nextDouble() < 0.9) {
          Ellipse guess = new Ellipse(cell.cx + random.nextGaussian() * 1.5, cell.cy + random.nextGaussian() * 1.5,
              Math.max(2, cell.rx * (1 + random.nextGaussian() * 0.1)),
              Math.max(2, cell.ry * (1 + random.nextGaussian() * 0.1)), cell.angle);
          RunMask mask = raster(guess, taken);
          if (!mask.isEmpty()) {
            submission.append(image).append(',').append(mask.toRle()).append('\n');
            written++;
          }
        }
      }
      if (written == 0) {
        submission.append(image).append(",\n");
      }
    }
    Files.writeString(dir.resolve("solution.csv"), solution);
    return submission.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<Ellipse> cells(String type, Random random) {
    int count;
    double rMin;
    double rMax;
    switch (type) {
      case "shsy5y" -> { count = 250 + random.nextInt(175); rMin = 4; rMax = 10; }
      case "astro" -> { count = 50 + random.nextInt(61); rMin = 10; rMax = 28; }
      default -> { count = 20 + random.nextInt(29); rMin = 7; rMax = 14; }
    }
    List<Ellipse> cells = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double r = rMin + random.nextDouble() * (rMax - rMin);
      cells.add(new Ellipse(random.nextDouble() * WIDTH, random.nextDouble() * HEIGHT, r,
          r * (0.5 + random.nextDouble() * 0.5), random.nextDouble() * Math.PI));
    }
    return cells;
  }

  /** The ellipse's pixels, in ascending order; with {@code taken}, only pixels not yet taken (and takes them). */
  private static RunMask raster(Ellipse e, boolean[] taken) {
    RunMask.RunBuilder b = new RunMask.RunBuilder(WIDTH, HEIGHT);
    double cos = Math.cos(e.angle);
    double sin = Math.sin(e.angle);
    double r = Math.max(e.rx, e.ry);
    int y0 = Math.max(0, (int) Math.floor(e.cy - r));
    int y1 = Math.min(HEIGHT - 1, (int) Math.ceil(e.cy + r));
    int x0 = Math.max(0, (int) Math.floor(e.cx - r));
    int x1 = Math.min(WIDTH - 1, (int) Math.ceil(e.cx + r));
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double dx = x - e.cx;
        double dy = y - e.cy;
        double u = (dx * cos + dy * sin) / e.rx;
        double v = (-dx * sin + dy * cos) / e.ry;
        int p = y * WIDTH + x;
        if (u * u + v * v <= 1 && (taken == null || !taken[p])) {
          if (taken != null) {
            taken[p] = true;
          }
          b.add(p);
        }
      }
    }
    return b.build();
  }
}
