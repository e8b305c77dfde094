package org.cellarena.web.bench;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cellarena.scoring.io.SubmissionLimits;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;

/**
 * Issue 24's wait figures: with one scoring worker, a team queues its heaviest allowed files (well-formed, within
 * every limit, cheap to upload, scored until the scoring time limit stops it); once they are in, a second team
 * uploads a normal Sartorius-sized submission, waits for its score, and does it again. Per upload: how long the normal submission
 * took from its upload to its score; then how the heavy files ended. Usage:
 * {@code web/bench.sh --victim [--images 240] [--heavy 10] [--pixels 3] [--victims 5]}.
 */
public final class VictimBenchmark {
  private static final String ADMIN = "bench-admin";
  private static final String COMPETITION = "victim";

  private BenchApi api;

  public static void main(String[] args) throws Exception {
    int images = 240, heavy = 10, pixels = 3, victims = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--images" -> images = value;
        case "--heavy" -> heavy = value;
        case "--pixels" -> pixels = value;
        case "--victims" -> victims = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    new VictimBenchmark().run(images, heavy, pixels, victims);
    System.exit(0);
  }

  void run(int images, int heavyCount, int pixels, int victims) throws Exception {
    Path dataDir = Files.createTempDirectory("cellarena-victim");
    byte[] normal = SartoriusSizedData.write(dataDir.resolve("competitions").resolve(COMPETITION), COMPETITION,
        images, 42);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      ids.add(String.format("bench%04d", i));
    }
    byte[] heavy = sparseMasks(ids, pixels);
    System.out.printf("machine: %d cores, max heap %d MB, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), Instant.now());
    ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN)
        .withRequestsPerMinute(1_000_000).withScoringWorkers(1);
    try (Server server = Server.start(config)) {
      api = new BenchApi(server.url(), ADMIN, COMPETITION);
      System.out.printf("server: %d scoring worker, scoring limit %d s; heavy file: %,d masks of %d pixels spread "
          + "over the image, %.1f MB gzip%n", config.scoringWorkers(), config.submissionLimits().time().toSeconds(),
          ids.size() * masksPerImage(ids.size()), pixels, heavy.length / 1e6);
      String attacker = api.createTeam("attacker");
      String victim = api.createTeam("victim");
      long start = System.nanoTime();
      List<Long> heavyIds = new ArrayList<>();
      for (int i = 0; i < heavyCount; i++) {
        heavyIds.add(api.upload(attacker, heavy));
      }
      System.out.printf("%d heavy files uploaded in %.1f s%n", heavyCount, (System.nanoTime() - start) / 1e9);
      double[] waits = new double[victims];
      for (int v = 0; v < victims; v++) {
        long uploaded = System.nanoTime();
        long id = api.upload(victim, normal);
        JsonObject status = awaitFinal(id, victim);
        waits[v] = (System.nanoTime() - uploaded) / 1e9;
        System.out.printf("normal submission %d: %s %.2f s after its upload (heavy files: %s)%n", v + 1,
            status.getString("status"), waits[v], statuses(heavyIds, attacker));
      }
      for (long id : heavyIds) {
        JsonObject status = awaitFinal(id, attacker);
        System.out.printf("heavy %d: %s after %.1f s from the first upload%s%n", id, status.getString("status"),
            (System.nanoTime() - start) / 1e9, firstLine(status.getString("error", "")));
      }
      double[] sorted = waits.clone();
      Arrays.sort(sorted);
      System.out.printf("normal submission upload-to-scored: median %.2f s, min %.2f s, max %.2f s%n",
          sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
  }

  private static int masksPerImage(int images) {
    return (int) Math.min(SubmissionLimits.DEFAULT_MASKS_PER_IMAGE, SubmissionLimits.DEFAULT_MASKS_PER_FILE / images);
  }

  /**
   * A gzip submission of as many masks as the default limits allow, each of {@code pixels} single pixels spread
   * over the whole image (one per band of rows, the columns far apart), none overlapping: every mask's bounding
   * box covers the image, so each is compared with every cell.
   */
  static byte[] sparseMasks(List<String> ids, int pixels) throws IOException {
    int width = SartoriusSizedData.WIDTH, step = SartoriusSizedData.HEIGHT / pixels;
    int masks = masksPerImage(ids.size());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.US_ASCII)) {
      out.write("id,predicted\n");
      StringBuilder row = new StringBuilder();
      for (String id : ids) {
        for (int k = 0; k < masks; k++) {
          row.setLength(0);
          row.append(id).append(',');
          for (int j = 0; j < pixels; j++) {
            int y = j * step + k % step, x = (k / step + j * 37) % width;
            row.append(j == 0 ? "" : " ").append(y * width + x + 1).append(" 1");
          }
          out.append(row).append('\n');
        }
      }
    }
    return bytes.toByteArray();
  }

  private JsonObject awaitFinal(long id, String team) throws Exception {
    while (true) {
      JsonObject status = api.status(id, team);
      String s = status.getString("status");
      if ("scored".equals(s) || "failed".equals(s)) {
        return status;
      }
      Thread.sleep(10);
    }
  }

  private String statuses(List<Long> ids, String team) throws Exception {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (long id : ids) {
      counts.merge(api.status(id, team).getString("status"), 1, Integer::sum);
    }
    return counts.toString();
  }

  private static String firstLine(String error) {
    String line = error.lines().skip(1).findFirst().orElse(error).strip();
    return line.isEmpty() ? "" : " (" + (line.length() > 120 ? line.substring(0, 120) + "..." : line) + ")";
  }
}
