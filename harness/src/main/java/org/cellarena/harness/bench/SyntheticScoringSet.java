package org.cellarena.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionWriter;
import org.cellarena.scoring.io.SubmissionWriter;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.rle.RunMask;

/**
 * A Sartorius-sized scoring workload: images of elliptical cells (by default shsy5y-heavy: mostly many small
 * elongated cells, some astro and cort images; or in the Sartorius train set's proportions), ground truth that may overlap, and a realistic submission made from it:
 * most cells found with jittered outlines, some split, some merged with a neighbour, some missed, a few spurious
 * blobs, overlaps removed. Only masks are made (no pixels), so it is quick to build; deterministic per seed.
 */
public final class SyntheticScoringSet {
  public static final int WIDTH = 704, HEIGHT = 520;

  /** Which cell types the images have, image by image. */
  public enum Mix {
    /** 80% shsy5y, 10% astro, 10% cort: the densest images (~306 cells an image), the heaviest workload. */
    HEAVY,
    /** The Sartorius train set's proportions: 25% shsy5y, 20% astro, 55% cort (~126 cells an image). */
    SARTORIUS;

    String cellType(int image) {
      if (this == HEAVY) {
        return image % 10 == 0 ? "astro" : image % 10 == 1 ? "cort" : "shsy5y";
      }
      int k = image % 20;
      return k < 5 ? "shsy5y" : k < 9 ? "astro" : "cort";
    }
  }

  private final int images;
  private final long seed;
  private final Mix mix;

  public SyntheticScoringSet(int images, long seed) {
    this(images, seed, Mix.HEAVY);
  }

  public SyntheticScoringSet(int images, long seed, Mix mix) {
    this.images = images;
    this.seed = seed;
    this.mix = mix;
  }

  /** Writes {@code solution.csv} and {@code submission.csv} into {@code dir}. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    try (SolutionWriter solution = new SolutionWriter(dir.resolve("solution.csv"), List.of(), true);
         SubmissionWriter submission = new SubmissionWriter(dir.resolve("submission.csv"))) {
      for (int i = 0; i < images; i++) {
        String id = String.format("%012x", random.nextLong() & 0xffffffffffffL);
        String type = mix.cellType(i);
        Usage usage = random.nextDouble() < 0.3 ? Usage.PUBLIC : Usage.PRIVATE;
        List<Ellipse> cells = cells(type, random);
        solution.append(new SolutionImage(id, WIDTH, HEIGHT, type, usage,
            cells.stream().map(Ellipse::mask).toList(), Map.of()));
        submission.append(id, predictions(cells, random));
      }
    }
  }

  private static List<Ellipse> cells(String type, SplittableRandom random) {
    int count;
    double major, minor;
    switch (type) {
      case "astro" -> { count = 40 + random.nextInt(60); major = 30; minor = 14; }
      case "cort" -> { count = 25 + random.nextInt(20); major = 9; minor = 7; }
      default -> { count = 300 + random.nextInt(140); major = 13; minor = 5; }
    }
    List<Ellipse> cells = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      double a = major * (0.7 + 0.6 * random.nextDouble()), b = minor * (0.7 + 0.6 * random.nextDouble());
      cells.add(new Ellipse(random.nextDouble() * WIDTH, random.nextDouble() * HEIGHT, a, b,
          random.nextDouble() * Math.PI));
    }
    return cells;
  }

  private static List<RunMask> predictions(List<Ellipse> cells, SplittableRandom random) {
    List<Ellipse> shapes = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      Ellipse cell = cells.get(c);
      double roll = random.nextDouble();
      if (roll < 0.07) {
        continue; // missed
      } else if (roll < 0.11) { // split along the major axis
        double dx = Math.cos(cell.angle) * cell.a / 2, dy = Math.sin(cell.angle) * cell.a / 2;
        shapes.add(new Ellipse(cell.cx - dx, cell.cy - dy, cell.a / 2, cell.b, cell.angle));
        shapes.add(new Ellipse(cell.cx + dx, cell.cy + dy, cell.a / 2, cell.b, cell.angle));
      } else if (roll < 0.13 && c + 1 < cells.size()) { // merged with the next cell: one ellipse over both
        Ellipse other = cells.get(c + 1);
        double mx = (cell.cx + other.cx) / 2, my = (cell.cy + other.cy) / 2;
        double span = Math.hypot(cell.cx - other.cx, cell.cy - other.cy) / 2 + cell.a;
        shapes.add(new Ellipse(mx, my, Math.min(span, 60), cell.b * 1.5, Math.atan2(other.cy - cell.cy, other.cx - cell.cx)));
        c++;
      } else { // found, with a jittered outline
        shapes.add(new Ellipse(cell.cx + random.nextGaussian(), cell.cy + random.nextGaussian(),
            cell.a * (0.9 + 0.2 * random.nextDouble()), cell.b * (0.9 + 0.2 * random.nextDouble()),
            cell.angle + 0.1 * random.nextGaussian()));
      }
    }
    int spurious = cells.size() / 20;
    for (int s = 0; s < spurious; s++) {
      shapes.add(new Ellipse(random.nextDouble() * WIDTH, random.nextDouble() * HEIGHT, 6, 4, random.nextDouble() * 3));
    }
    return withoutOverlaps(shapes);
  }

  /** Paints shapes in order on a label canvas (the first keeps a disputed pixel) and reads the masks back. */
  private static List<RunMask> withoutOverlaps(List<Ellipse> shapes) {
    int[] label = new int[WIDTH * HEIGHT];
    for (int s = 0; s < shapes.size(); s++) {
      int l = s + 1;
      shapes.get(s).forEachPixel(p -> {
        if (label[p] == 0) {
          label[p] = l;
        }
      });
    }
    RunMask.RunBuilder[] builders = new RunMask.RunBuilder[shapes.size() + 1];
    for (int p = 0; p < label.length; p++) {
      int l = label[p];
      if (l != 0) {
        if (builders[l] == null) {
          builders[l] = new RunMask.RunBuilder(WIDTH, HEIGHT);
        }
        builders[l].add(p);
      }
    }
    List<RunMask> masks = new ArrayList<>();
    for (int l = 1; l < builders.length; l++) {
      if (builders[l] != null) {
        masks.add(builders[l].build());
      }
    }
    return masks;
  }

  /** A rotated ellipse: centre, semi-axes a (major) and b, angle of the major axis. */
  private record Ellipse(double cx, double cy, double a, double b, double angle) {
    interface PixelSink {
      void accept(int pixel);
    }

    /** Visits the ellipse's pixels inside the image in row-major order. */
    void forEachPixel(PixelSink sink) {
      double cos = Math.cos(angle), sin = Math.sin(angle);
      int reach = (int) Math.ceil(Math.max(a, b));
      int r0 = Math.max(0, (int) (cy - reach)), r1 = Math.min(HEIGHT - 1, (int) (cy + reach));
      int c0 = Math.max(0, (int) (cx - reach)), c1 = Math.min(WIDTH - 1, (int) (cx + reach));
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          double dx = c + 0.5 - cx, dy = r + 0.5 - cy;
          double u = (dx * cos + dy * sin) / a, v = (-dx * sin + dy * cos) / b;
          if (u * u + v * v <= 1) {
            sink.accept(r * WIDTH + c);
          }
        }
      }
    }

    RunMask mask() {
      RunMask.RunBuilder builder = new RunMask.RunBuilder(WIDTH, HEIGHT);
      forEachPixel(builder::add);
      return builder.build();
    }
  }
}
