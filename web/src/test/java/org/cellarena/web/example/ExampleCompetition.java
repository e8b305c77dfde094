package org.cellarena.web.example;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cellarena.scoring.rle.RunMask;

/**
 * Generates the small example competition: six 128x96 images of elliptical cells (ground truth may overlap),
 * four Public and two Private, their pictures in {@code test/}, and a fair example submission (most cells found, a little off, some missed, a
 * few spurious, no overlaps). Deterministic: the same files every run.
 *
 * <p>Regenerate with {@code mvn -pl web test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cellarena.web.example.ExampleCompetition -Dexec.args=examples} from the repository root.
 */
public final class ExampleCompetition {
  public static final int WIDTH = 128;
  public static final int HEIGHT = 96;
  public static final String ID = "example";
  private static final String[][] IMAGES = {
      {"ex-shsy5y-1", "shsy5y", "Public"}, {"ex-astro-2", "astro", "Public"}, {"ex-cort-3", "cort", "Public"},
      {"ex-shsy5y-4", "shsy5y", "Public"}, {"ex-astro-5", "astro", "Private"}, {"ex-cort-6", "cort", "Private"}};

  /** A cell: an ellipse. */
  record Ellipse(double cx, double cy, double rx, double ry, double angle) {
    RunMask mask() {
      RunMask.RunBuilder b = new RunMask.RunBuilder(WIDTH, HEIGHT);
      double cos = Math.cos(angle);
      double sin = Math.sin(angle);
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          double dx = x - cx;
          double dy = y - cy;
          double u = (dx * cos + dy * sin) / rx;
          double v = (-dx * sin + dy * cos) / ry;
          if (u * u + v * v <= 1) {
            b.add(y * WIDTH + x);
          }
        }
      }
      return b.build();
    }
  }

  /** The files: three texts and the held-out images (8-bit grayscale) by image id. */
  public record Files3(String competitionJson, String solutionCsv, String submissionCsv,
      java.util.Map<String, BufferedImage> testImages) {}

  private ExampleCompetition() {}

  public static Files3 generate() {
    Random random = new Random(20261126L);
    StringBuilder solution = new StringBuilder("id,annotation,width,height,cell_type,Usage\n");
    StringBuilder submission = new StringBuilder("id,predicted\n");
    java.util.Map<String, BufferedImage> pictures = new java.util.LinkedHashMap<>();
    for (String[] image : IMAGES) {
      List<Ellipse> cells = new ArrayList<>();
      int count = 18 + random.nextInt(16);
      for (int i = 0; i < count; i++) {
        cells.add(new Ellipse(6 + random.nextDouble() * (WIDTH - 12), 6 + random.nextDouble() * (HEIGHT - 12),
            3.5 + random.nextDouble() * 5, 3 + random.nextDouble() * 4, random.nextDouble() * Math.PI));
      }
      pictures.put(image[0], picture(cells, new Random(random.nextLong())));
      for (Ellipse cell : cells) {
        RunMask mask = cell.mask();
        if (!mask.isEmpty()) {
          solution.append(image[0]).append(',').append(mask.toRle()).append(',').append(WIDTH).append(',')
              .append(HEIGHT).append(',').append(image[1]).append(',').append(image[2]).append('\n');
        }
      }
      List<Ellipse> predicted = new ArrayList<>();
      for (Ellipse cell : cells) {
        if (random.nextDouble() < 0.85) {
          predicted.add(new Ellipse(cell.cx() + random.nextGaussian(), cell.cy() + random.nextGaussian(),
              Math.max(2, cell.rx() + random.nextGaussian() * 0.8), Math.max(2, cell.ry() + random.nextGaussian() * 0.8),
              cell.angle() + random.nextGaussian() * 0.2));
        }
      }
      int spurious = 1 + random.nextInt(3);
      for (int i = 0; i < spurious; i++) {
        predicted.add(new Ellipse(5 + random.nextDouble() * (WIDTH - 10), 5 + random.nextDouble() * (HEIGHT - 10),
            3 + random.nextDouble() * 2, 3 + random.nextDouble() * 2, 0));
      }
      List<RunMask> masks = withoutOverlaps(predicted);
      if (masks.isEmpty()) {
        submission.append(image[0]).append(",\n");
      }
      for (RunMask m : masks) {
        submission.append(image[0]).append(',').append(m.toRle()).append('\n');
      }
    }
    String json = """
        {
          "id": "example",
          "title": "Example: elliptical cells",
          "description": "A small generated competition to try CellArena with: six 128x96 images of elliptical cells (four on the Public leaderboard, two on the Private one). Submit one row per predicted cell: id,predicted (RLE).",
          "daily_limit": 5,
          "final_picks": 2,
          "deadline": null,
          "feedback": "full"
        }
        """;
    return new Files3(json, solution.toString(), submission.toString(), pictures);
  }

  /** A phase-contrast-like picture: a noisy grey background, each cell a brighter disc with a dark rim. */
  private static BufferedImage picture(List<Ellipse> cells, Random random) {
    double[] level = new double[WIDTH * HEIGHT];
    java.util.Arrays.fill(level, 105);
    for (Ellipse cell : cells) {
      boolean[] inside = cell.mask().toDense();
      for (int p = 0; p < inside.length; p++) {
        if (inside[p]) {
          level[p] += 35;
        }
      }
    }
    BufferedImage png = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        double v = level[y * WIDTH + x] + random.nextGaussian() * 6;
        png.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(v))));
      }
    }
    return png;
  }

  /** Each pixel goes to the first prediction that claims it; predictions left with no pixels are dropped. */
  private static List<RunMask> withoutOverlaps(List<Ellipse> predicted) {
    boolean[] taken = new boolean[WIDTH * HEIGHT];
    List<RunMask> masks = new ArrayList<>();
    for (Ellipse e : predicted) {
      boolean[] pixels = e.mask().toDense();
      boolean any = false;
      for (int p = 0; p < pixels.length; p++) {
        if (pixels[p] && taken[p]) {
          pixels[p] = false;
        }
        if (pixels[p]) {
          taken[p] = true;
          any = true;
        }
      }
      if (any) {
        masks.add(RunMask.fromDense(pixels, WIDTH, HEIGHT));
      }
    }
    return masks;
  }

  /** Writes {@code competitions/example/} and {@code submissions/example.csv} under {@code examplesDir}. */
  public static void write(Path examplesDir) throws IOException {
    Files3 files = generate();
    Path competition = examplesDir.resolve("competitions").resolve(ID);
    Files.createDirectories(competition);
    Files.createDirectories(examplesDir.resolve("submissions"));
    Files.writeString(competition.resolve("competition.json"), files.competitionJson());
    Files.writeString(competition.resolve("solution.csv"), files.solutionCsv());
    Files.writeString(examplesDir.resolve("submissions").resolve("example.csv"), files.submissionCsv());
    Path test = Files.createDirectories(competition.resolve("test"));
    for (var picture : files.testImages().entrySet()) {
      ImageIO.write(picture.getValue(), "png", test.resolve(picture.getKey() + ".png").toFile());
    }
  }

  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "examples"));
  }
}
