package org.cellarena.web.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.api.ModelFixtures;

/**
 * Issue 27's figure: while a team's model runs on the server (the test runner, told to run until stopped), another
 * team uploads a normal Sartorius-sized CSV, waits for its score, and does it again. Per upload: how long from its
 * upload to its score, and where the inference stood. Usage: {@code web/bench.sh --inference [--images 240]
 * [--uploads 5]}.
 */
public final class InferenceBenchmark {
  private static final String ADMIN = "bench-admin";
  private static final String CSV = "csvbench";

  public static void main(String[] args) throws Exception {
    int images = 240, uploads = 5;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--images" -> images = value;
        case "--uploads" -> uploads = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    run(images, uploads);
    System.exit(0);
  }

  static void run(int images, int uploads) throws Exception {
    Path dataDir = Files.createTempDirectory("cellarena-inference");
    byte[] normal = SartoriusSizedData.write(dataDir.resolve("competitions").resolve(CSV), CSV, images, 42);
    ModelFixtures.modelCompetition(dataDir, "models", new JsonObject().put("time_limit_minutes", 60));
    System.out.printf("machine: %d cores, max heap %d MB, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), Instant.now());
    ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN)
        .withRequestsPerMinute(1_000_000).withScoringWorkers(1).withInferenceWorkers(1);
    try (Server server = Server.start(config)) {
      BenchApi csv = new BenchApi(server.url(), ADMIN, CSV);
      String modellers = csv.createTeam("modellers");
      String csvTeam = csv.createTeam("csv team");
      byte[] endless = ModelFixtures.model(new JsonObject().put("backbone", "copying").put("endless", true));
      long model = csv.http().postBytes("/api/competitions/models/submissions", modellers, "application/zip",
          endless).json().getLong("id");
      while (!"inferring".equals(csv.status(model, modellers).getString("status"))) {
        Thread.sleep(10);
      }
      System.out.printf("server: 1 scoring worker, 1 inference worker; model %d inferring%n", model);
      double[] waits = new double[uploads];
      for (int u = 0; u < uploads; u++) {
        long uploaded = System.nanoTime();
        long id = csv.upload(csvTeam, normal);
        JsonObject status = awaitFinal(csv, id, csvTeam);
        waits[u] = (System.nanoTime() - uploaded) / 1e9;
        JsonObject running = csv.status(model, modellers);
        System.out.printf("csv %d: %s %.2f s after its upload (the model: %s, %s)%n", u + 1,
            status.getString("status"), waits[u], running.getString("status"),
            running.getJsonObject("model").getString("inference_progress"));
      }
      double[] sorted = waits.clone();
      Arrays.sort(sorted);
      System.out.printf("csv upload-to-scored while a model runs: median %.2f s, min %.2f s, max %.2f s%n",
          sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
  }

  private static JsonObject awaitFinal(BenchApi api, long id, String team) throws InterruptedException {
    while (true) {
      JsonObject status = api.status(id, team);
      String s = status.getString("status");
      if ("scored".equals(s) || "failed".equals(s)) {
        return status;
      }
      Thread.sleep(10);
    }
  }
}
