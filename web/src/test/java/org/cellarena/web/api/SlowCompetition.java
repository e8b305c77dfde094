package org.cellarena.web.api;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A competition where a valid file takes long to score, for the tests that stop a server mid-scoring: each
 * 256 x 256 image has 8,192 two-pixel cells, and the slow file gives each image 20,000 masks (its limit) of two
 * pixels, one in the top rows and one in the bottom rows, so that every mask's bounding box spans most of the
 * image and each mask is compared with most cells (over 100 million comparisons an image, one thread each).
 */
final class SlowCompetition {
  static final String ID = "slow";
  private static final int SIZE = 256;
  private static final int MASKS_PER_IMAGE = 20_000;

  private SlowCompetition() {}

  /** Writes the competition under {@code dataDir/competitions/slow} with its scoring time limit. */
  static void write(Path dataDir, int images, long scoringSeconds) {
    StringBuilder cells = new StringBuilder();
    for (int y = 0; y < SIZE; y += 2) {
      for (int x = 0; x < SIZE; x += 4) {
        cells.append(y * SIZE + x + 1).append(" 2,").append(SIZE).append(',').append(SIZE).append(",cort,\n");
      }
    }
    String[] byUsage = {cells.toString().replace(",\n", ",Public\n"), cells.toString().replace(",\n", ",Private\n")};
    StringBuilder solution = new StringBuilder("id,annotation,width,height,cell_type,Usage\n");
    for (int i = 0; i < images; i++) {
      solution.append(perImage(byUsage[i % 2], i));
    }
    try {
      Path dir = Files.createDirectories(dataDir.resolve("competitions").resolve(ID));
      Files.writeString(dir.resolve("solution.csv"), solution, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    setScoringSeconds(dataDir, scoringSeconds);
  }

  /** Changes the scoring time limit, which the next server start serves. */
  static void setScoringSeconds(Path dataDir, long seconds) {
    JsonObject json = new JsonObject().put("id", ID).put("title", "Slow to score").put("daily_limit", 100)
        .put("limits", new JsonObject().put("masks_per_image", MASKS_PER_IMAGE).put("scoring_seconds", seconds));
    try {
      Files.writeString(dataDir.resolve("competitions").resolve(ID).resolve("competition.json"), json.encode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The slow file (gzip): mask k is the k-th pixel from the top and the k-th from the bottom, so none overlap. */
  static byte[] slowSubmission(int images) {
    StringBuilder masks = new StringBuilder();
    for (int k = 0; k < MASKS_PER_IMAGE; k++) {
      masks.append(k + 1).append(" 1 ").append(SIZE * SIZE - k).append(" 1\n");
    }
    StringBuilder csv = new StringBuilder("id,predicted\n");
    for (int i = 0; i < images; i++) {
      csv.append(perImage(masks, i));
    }
    return ServerFixture.gzip(csv.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** The lines of {@code rows}, each prefixed with image {@code i}'s id. */
  private static String perImage(CharSequence rows, int i) {
    String id = "slow" + i + ",";
    return id + rows.subSequence(0, rows.length() - 1).toString().replace("\n", "\n" + id) + "\n";
  }
}
