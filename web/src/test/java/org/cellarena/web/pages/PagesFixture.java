package org.cellarena.web.pages;

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
 * A small generated competition for the browser test: four phase-contrast-like images of round cells (three
 * Public, one Private, one Feedback), their test PNGs, and submissions of chosen quality.
 */
final class PagesFixture {
  static final String COMPETITION = "pages-demo";
  static final int W = 160, H = 112;
  static final String PRIVATE_IMAGE = "img-private-4";
  /** On no board: its overlays show each prediction's best IoU (issue 24's Feedback part). */
  static final String FEEDBACK_IMAGE = "img-feedback-5";

  /** id, cell type, usage, cell centres. */
  record Image(String id, String cellType, String usage, int[][] centres) {}

  static final List<Image> IMAGES = List.of(
      new Image("img-shsy5y-1", "shsy5y", "Public", grid(3, 2, 0)),
      new Image("img-astro-2", "astro", "Public", grid(3, 2, 7)),
      new Image("img-cort-3", "cort", "Public", grid(4, 2, 3)),
      new Image(PRIVATE_IMAGE, "cort", "Private", grid(3, 2, 5)),
      new Image(FEEDBACK_IMAGE, "shsy5y", "Feedback", grid(3, 2, 9)));
  static final int RADIUS = 11;

  private PagesFixture() {}

  private static int[][] grid(int cols, int rows, int jitter) {
    List<int[]> centres = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int x = 20 + c * (W - 40) / Math.max(1, cols - 1) + ((r + c) % 2 == 0 ? jitter / 2 : -jitter / 2);
        int y = 28 + r * (H - 56) / Math.max(1, rows - 1) + (c % 2 == 0 ? jitter / 3 : 0);
        centres.add(new int[] {x, y});
      }
    }
    return centres.toArray(new int[0][]);
  }

  static RunMask disc(int cx, int cy, int radius) {
    RunMask.RunBuilder b = new RunMask.RunBuilder(W, H);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int dx = x - cx, dy = y - cy;
        if (dx * dx + dy * dy <= radius * radius) {
          b.add(y * W + x);
        }
      }
    }
    return b.build();
  }

  /** Writes the competition folder and returns it. */
  static Path competition(Path root) throws IOException {
    Path dir = root.resolve(COMPETITION);
    Files.createDirectories(dir.resolve("test"));
    Files.writeString(dir.resolve("competition.json"), """
        {"id": "%s", "title": "Neuron segmentation (pages demo)",
         "description": "Segment every neuronal cell in phase-contrast images; a generated competition for the page test.",
         "daily_limit": 20, "final_picks": 2, "deadline": null}
        """.formatted(COMPETITION));
    StringBuilder csv = new StringBuilder("id,annotation,width,height,cell_type,Usage\n");
    Random random = new Random(7);
    for (Image image : IMAGES) {
      BufferedImage png = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          png.getRaster().setSample(x, y, 0, 118 + (int) (random.nextGaussian() * 6));
        }
      }
      for (int[] c : image.centres()) {
        csv.append(image.id()).append(',').append(disc(c[0], c[1], RADIUS).toRle()).append(',').append(W).append(',')
            .append(H).append(',').append(image.cellType()).append(',').append(image.usage()).append('\n');
        for (int y = Math.max(0, c[1] - RADIUS - 2); y < Math.min(H, c[1] + RADIUS + 3); y++) {
          for (int x = Math.max(0, c[0] - RADIUS - 2); x < Math.min(W, c[0] + RADIUS + 3); x++) {
            double d = Math.hypot(x - c[0], y - c[1]);
            int v = d <= RADIUS - 2 ? 150 : d <= RADIUS + 1 ? 80 : -1; // bright body, dark halo
            if (v >= 0) {
              png.getRaster().setSample(x, y, 0, v + (int) (random.nextGaussian() * 5));
            }
          }
        }
      }
      ImageIO.write(png, "png", dir.resolve("test").resolve(image.id() + ".png").toFile());
    }
    Files.writeString(dir.resolve("solution.csv"), csv);
    StringBuilder sample = new StringBuilder("id,predicted\n");
    IMAGES.forEach(image -> sample.append(image.id()).append(",\n"));
    Files.writeString(dir.resolve("sample_submission.csv"), sample);
    return dir;
  }

  /** A submission that finds the Private image's cells exactly and predicts nothing on the Public ones. */
  static String privateOnly() {
    StringBuilder csv = new StringBuilder("id,predicted\n");
    for (Image image : IMAGES) {
      if (image.usage().equals("Private")) {
        for (int[] c : image.centres()) {
          csv.append(image.id()).append(',').append(disc(c[0], c[1], RADIUS).toRle()).append('\n');
        }
      } else {
        csv.append(image.id()).append(",\n");
      }
    }
    return csv.toString();
  }

  /**
   * A submission: every cell predicted shifted by {@code shift} pixels, except that the first cell of the
   * second image is left out (a missed cell) and a spurious blob is added to the third.
   */
  static String submission(int shift, int radius) {
    StringBuilder csv = new StringBuilder("id,predicted\n");
    for (int i = 0; i < IMAGES.size(); i++) {
      Image image = IMAGES.get(i);
      int[][] centres = image.centres();
      for (int c = 0; c < centres.length; c++) {
        if (i == 1 && c == 0) {
          continue;
        }
        int dx = (c % 2 == 0 ? shift : -shift) * (i + 1) / 2;
        csv.append(image.id()).append(',').append(disc(centres[c][0] + dx, centres[c][1], radius).toRle()).append('\n');
      }
      if (i == 2) {
        csv.append(image.id()).append(',').append(disc(W / 2, H / 2, 6).toRle()).append('\n');
      }
    }
    return csv.toString();
  }
}
