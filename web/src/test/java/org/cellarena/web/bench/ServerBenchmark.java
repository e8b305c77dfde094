package org.cellarena.web.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;

/**
 * Issue 3's performance figures, measured against a real server in this JVM over loopback HTTP:
 * <ol>
 *   <li>upload-to-scored latency of a 240-image Sartorius-sized submission (POST until the status says scored);
 *   <li>leaderboard GET p50/p99 with 200 concurrent clients while 20 such submissions score (closed loop, then
 *       paced);
 *   <li>100 concurrent uploads (10 teams), all scored, none lost.
 * </ol>
 * Usage: {@code web/bench.sh [--images N] [--workers N] [--clients N] [--uploads N]}.
 */
public final class ServerBenchmark {
  private static final String ADMIN = "bench-admin";
  private static final String COMPETITION = "bench";
  private static final long PACED_THINK_MS = 100;
  private static final long WARM_UP_MS = 3000;

  private String base;
  private BenchApi api;

  public static void main(String[] args) throws Exception {
    int images = intArg(args, "--images", 240);
    int workers = intArg(args, "--workers", ServerConfig.defaults(Path.of(".")).scoringWorkers());
    int clients = intArg(args, "--clients", 200);
    int uploads = intArg(args, "--uploads", 100);
    new ServerBenchmark().run(images, workers, clients, uploads);
    System.exit(0);
  }

  void run(int images, int workers, int clients, int uploads) throws Exception {
    Path dataDir = Files.createTempDirectory("cellarena-bench");
    Path competitionDir = dataDir.resolve("competitions").resolve(COMPETITION);
    long t0 = System.nanoTime();
    byte[] submission = SartoriusSizedData.write(competitionDir, COMPETITION, images, 42);
    System.out.printf("generated %d images, solution %.1f MB, submission %.1f MB (%d rows) in %.1f s%n", images,
        Files.size(competitionDir.resolve("solution.csv")) / 1e6, submission.length / 1e6,
        countLines(submission) - 1, (System.nanoTime() - t0) / 1e9);
    System.out.printf("machine: %d cores available to the JVM, max heap %d MB, Java %s; %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), Instant.now());
    ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN)
        .withScoringWorkers(workers).withRequestsPerMinute(1_000_000);
    try (Server server = Server.start(config)) {
      base = server.url();
      api = new BenchApi(base, ADMIN, COMPETITION);
      System.out.printf("server: %d scoring worker(s)%n", workers);
      List<String> teams = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        teams.add(api.createTeam("team " + i));
      }
      latency(teams.get(0), submission);
      leaderboardUnderLoad(teams, submission, clients);
      concurrentUploads(teams, submission, uploads);
    }
  }

  /** 1: upload-to-scored, five times one after the other. */
  private void latency(String team, byte[] submission) throws Exception {
    List<Double> seconds = new ArrayList<>();
    double scoringSeconds = 0;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      long id = api.upload(team, submission);
      JsonObject status = awaitScored(id, team, 2);
      seconds.add((System.nanoTime() - start) / 1e9);
      scoringSeconds = status.getDouble("scoring_seconds");
    }
    Collections.sort(seconds);
    System.out.printf("1. upload-to-scored, %d runs: median %.2f s, min %.2f s, max %.2f s (last run: scoring "
        + "itself %.2f s)%n", seconds.size(), seconds.get(seconds.size() / 2), seconds.get(0),
        seconds.get(seconds.size() - 1), scoringSeconds);
  }

  /**
   * 2: clients read the public leaderboard while 20 submissions score, twice: each client in a closed loop
   * (the next request as soon as the answer is in: a saturation test) and each client paced (one request, then
   * {@code PACED_THINK_MS} of rest). The clients are asynchronous (one Vert.x HTTP client, a connection per
   * client) so that 200 of them do not take 400 threads on the machine they share with the server.
   */
  private void leaderboardUnderLoad(List<String> teams, byte[] submission, int clients) throws Exception {
    for (long thinkMillis : new long[] {0, PACED_THINK_MS}) {
      LoadResult load = new LoadResult();
      Vertx clientVertx = Vertx.vertx();
      io.vertx.core.http.HttpClient client = clientVertx.createHttpClient(new HttpClientOptions()
          .setDefaultHost("127.0.0.1").setDefaultPort(URI.create(base).getPort()).setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(clients));
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicBoolean recording = new AtomicBoolean(false);
      CountDownLatch stopped = new CountDownLatch(clients);
      for (int c = 0; c < clients; c++) {
        clientVertx.runOnContext(v -> new Runnable() {
          @Override
          public void run() {
            if (!running.get()) {
              stopped.countDown();
              return;
            }
            long t = System.nanoTime();
            client.request(HttpMethod.GET, "/api/competitions/" + COMPETITION + "/leaderboard")
                .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
                .onComplete(ar -> {
                  if (recording.get()) {
                    load.record(System.nanoTime() - t, ar.succeeded() && ar.result() == 200);
                  }
                  if (thinkMillis > 0) {
                    clientVertx.setTimer(thinkMillis, x -> run());
                  } else {
                    run();
                  }
                });
          }
        }.run());
      }
      Thread.sleep(WARM_UP_MS); // connections open, code warm: not measured
      recording.set(true);
      long start = System.nanoTime();
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ids.add(api.upload(teams.get(i % teams.size()), submission));
      }
      for (int i = 0; i < ids.size(); i++) {
        awaitScored(ids.get(i), teams.get(i % teams.size()), 20);
      }
      recording.set(false);
      running.set(false);
      stopped.await();
      double wall = (System.nanoTime() - start) / 1e9;
      clientVertx.close().toCompletionStage().toCompletableFuture().get();
      List<Long> sorted = load.sorted();
      System.out.printf("2%s. leaderboard GET, %d clients %s, while 20 submissions were uploaded and scored (%.1f s, "
          + "after a %d ms warm-up): %d requests "
          + "(%.0f/s), p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors%n", thinkMillis == 0 ? "a" : "b",
          clients, thinkMillis == 0 ? "in a closed loop" : "each pausing " + thinkMillis + " ms between requests",
          wall, WARM_UP_MS, sorted.size(), sorted.size() / wall, pct(sorted, 0.50), pct(sorted, 0.99),
          sorted.get(sorted.size() - 1) / 1e6, load.errors);
    }
  }

  /** Latencies collected from the event loop of the clients. */
  private static final class LoadResult {
    private final List<Long> nanos = new ArrayList<>();
    private int errors;

    synchronized void record(long latency, boolean ok) {
      nanos.add(latency);
      if (!ok) {
        errors++;
      }
    }

    synchronized List<Long> sorted() {
      List<Long> copy = new ArrayList<>(nanos);
      Collections.sort(copy);
      return copy;
    }
  }

  /** 3: uploads all at once from as many threads; every one must end scored. */
  private void concurrentUploads(List<String> teams, byte[] submission, int uploads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(uploads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> accepted = new ArrayList<>();
    for (int i = 0; i < uploads; i++) {
      String team = teams.get(i % teams.size());
      accepted.add(pool.submit(() -> {
        go.await();
        return api.upload(team, submission);
      }));
    }
    long start = System.nanoTime();
    go.countDown();
    List<Long> ids = new ArrayList<>();
    int refused = 0;
    for (Future<Long> f : accepted) {
      try {
        ids.add(f.get());
      } catch (java.util.concurrent.ExecutionException e) {
        refused++;
        System.out.println("   upload refused: " + e.getCause());
      }
    }
    double acceptSeconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    int scored = 0;
    for (int i = 0; i < ids.size(); i++) {
      JsonObject status = awaitFinal(ids.get(i), teams.get(i % teams.size()));
      if ("scored".equals(status.getString("status"))) {
        scored++;
      }
    }
    double total = (System.nanoTime() - start) / 1e9;
    long distinct = ids.stream().distinct().count();
    System.out.printf("3. %d concurrent uploads: %d accepted in %.1f s (%d refused, %d distinct ids), %d scored, "
        + "%d lost; all scored after %.1f s%n", uploads, ids.size(), acceptSeconds, refused, distinct, scored,
        uploads - scored, total);
  }

  private JsonObject awaitScored(long id, String team, long pollMillis) throws Exception {
    JsonObject status = awaitFinal(id, team, pollMillis);
    if (!"scored".equals(status.getString("status"))) {
      throw new IllegalStateException("submission " + id + " failed: " + status.getString("error"));
    }
    return status;
  }

  private JsonObject awaitFinal(long id, String team) throws Exception {
    return awaitFinal(id, team, 50);
  }

  private JsonObject awaitFinal(long id, String team, long pollMillis) throws Exception {
    while (true) {
      JsonObject status = api.status(id, team);
      String s = status.getString("status");
      if ("scored".equals(s) || "failed".equals(s)) {
        return status;
      }
      Thread.sleep(pollMillis);
    }
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }

  private static int countLines(byte[] bytes) {
    int n = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
