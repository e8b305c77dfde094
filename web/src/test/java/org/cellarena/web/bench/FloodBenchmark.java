package org.cellarena.web.bench;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;

/**
 * Issue 11's fairness figures: one team uploads a well-formed file of N one-pixel masks (spread round-robin
 * over the images, no overlaps), a second team uploads a normal Sartorius-sized submission one second later.
 * Per N: how long the normal submission took from its upload to its score, how the big one ended and when,
 * the server's peak heap during the case and its slowest {@code /api/health} answer meanwhile.
 * Usage: {@code web/bench.sh --flood [--images 240] [--masks 100000,1000000,3000000,10000000]}.
 */
public final class FloodBenchmark {
  private static final String ADMIN = "bench-admin";
  private static final String COMPETITION = "flood";

  private BenchApi api;

  public static void main(String[] args) throws Exception {
    int images = 240;
    List<Integer> masks = List.of(100_000, 1_000_000, 3_000_000, 10_000_000);
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--images")) {
        images = Integer.parseInt(args[i + 1]);
      } else if (args[i].equals("--masks")) {
        masks = java.util.Arrays.stream(args[i + 1].split(",")).map(String::strip).map(Integer::valueOf).toList();
      }
    }
    new FloodBenchmark().run(images, masks);
    System.exit(0);
  }

  void run(int images, List<Integer> maskCounts) throws Exception {
    Path dataDir = Files.createTempDirectory("cellarena-flood");
    Path competitionDir = dataDir.resolve("competitions").resolve(COMPETITION);
    byte[] normal = SartoriusSizedData.write(competitionDir, COMPETITION, images, 42);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      ids.add(String.format("bench%04d", i));
    }
    System.out.printf("machine: %d cores, max heap %d MB, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), Instant.now());
    ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN)
        .withRequestsPerMinute(1_000_000);
    try (Server server = Server.start(config)) {
      api = new BenchApi(server.url(), ADMIN, COMPETITION);
      System.out.printf("server: %d scoring worker(s), default limits%n", config.scoringWorkers());
      for (int n : maskCounts) {
        flood(n, ids, normal);
      }
    }
  }

  private void flood(int maskCount, List<String> ids, byte[] normal) throws Exception {
    byte[] big = onePixelMasks(maskCount, ids);
    String flooder = api.createTeam("flood " + maskCount);
    String honest = api.createTeam("honest " + maskCount);
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peakHeap = new AtomicLong();
    AtomicLong slowestHealthNanos = new AtomicLong();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> {
      while (watching.get()) {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long t = System.nanoTime();
        try {
          api.http().get("/api/health", null);
        } catch (UncheckedIOException | IllegalStateException e) {
          return;
        }
        slowestHealthNanos.accumulateAndGet(System.nanoTime() - t, Math::max);
        sleep(20);
      }
    });
    watcher.start();
    long start = System.nanoTime();
    long bigId = api.upload(flooder, big);
    double bigUploaded = (System.nanoTime() - start) / 1e9;
    sleep(1000);
    long normalStart = System.nanoTime();
    long normalId = api.upload(honest, normal);
    JsonObject normalStatus = null, bigStatus = null;
    double normalSeconds = 0, bigSeconds = 0;
    while (normalStatus == null || bigStatus == null) {
      if (normalStatus == null && (normalStatus = finalStatus(normalId, honest)) != null) {
        normalSeconds = (System.nanoTime() - normalStart) / 1e9;
      }
      if (bigStatus == null && (bigStatus = finalStatus(bigId, flooder)) != null) {
        bigSeconds = (System.nanoTime() - start) / 1e9;
      }
      sleep(20);
    }
    watching.set(false);
    watcher.join();
    String error = bigStatus.getString("error", "");
    System.out.printf("%,d masks (%.1f MB gzip, uploaded in %.1f s): normal submission %s %.2f s after its upload; "
        + "big one %s after %.1f s%s; peak heap %d MB; slowest /api/health %.0f ms%n", maskCount, big.length / 1e6,
        bigUploaded, normalStatus.getString("status"), normalSeconds, bigStatus.getString("status"), bigSeconds,
        error.isEmpty() ? "" : " (" + firstLine(error) + ")", peakHeap.get() >> 20, slowestHealthNanos.get() / 1e6);
  }

  /** A gzip submission of {@code n} one-pixel masks dealt round-robin over the images, none overlapping. */
  static byte[] onePixelMasks(int n, List<String> ids) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.US_ASCII)) {
      out.write("id,predicted\n");
      for (int k = 0; k < n; k++) {
        out.write(ids.get(k % ids.size()));
        out.write(',');
        out.write(Integer.toString(k / ids.size() + 1));
        out.write(" 1\n");
      }
    }
    return bytes.toByteArray();
  }

  private static String firstLine(String text) {
    String line = text.lines().skip(1).findFirst().orElse(text).strip();
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }

  /** The submission's status once it is scored or failed, else null. */
  private JsonObject finalStatus(long id, String team) throws Exception {
    JsonObject status = api.status(id, team);
    String s = status.getString("status");
    return "scored".equals(s) || "failed".equals(s) ? status : null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
