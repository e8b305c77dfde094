package org.cellarena.web.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cellarena.web.Server;
import org.cellarena.web.api.Http;
import org.cellarena.web.bench.SartoriusSizedData;

/**
 * Issue 17's figures (web/bench.sh --cluster, options {@code --images 240 --submissions 40}): two {@code serve
 * --workers 0} nodes on a PostgreSQL this benchmark starts, the Sartorius-sized competition, N submissions
 * uploaded over both nodes. (1) Scoring throughput with 1, 2 and 4 worker processes (one thread each): the
 * workers are started and score every submission once (a warm-up, not timed), then the admin rescores the
 * competition (all queued at once) and the clock runs until all are scored again; submissions per minute. (2) Upload-to-scored through two nodes: upload on node A, poll the status on node B every 5 ms,
 * two workers running; median of 5.
 */
public final class ClusterBenchmark {
  private ClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int images = intOption(args, "--images", 240);
    int count = intOption(args, "--submissions", 40);
    Path bin = PostgresServer.find().orElseThrow(() -> new IllegalStateException(PostgresServer.missingReason()));
    Path dataDir = Files.createTempDirectory("cellarena-cluster-bench");
    byte[] csv = SartoriusSizedData.write(dataDir.resolve("competitions/bench"), "bench", images, 42);
    System.out.printf("cores: %d; %d images, %d submissions of %.1f MB%n",
        Runtime.getRuntime().availableProcessors(), images, count, csv.length / 1e6);
    try (PostgresServer postgres = PostgresServer.start(bin);
         Cluster cluster = new Cluster(postgres.newDatabase(), dataDir)) {
      Server a = cluster.node(0);
      Server b = cluster.node(0);
      List<String> tokens = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tokens.add(a.createTeam("team " + t).token());
      }
      for (int i = 0; i < count; i++) {
        Http.Reply r = cluster.upload(i % 2 == 0 ? a : b, "bench", tokens.get(i % 8), csv);
        if (r.status() != 202) {
          throw new IllegalStateException("upload refused: " + r.body());
        }
      }
      for (int n : new int[] {1, 2, 4}) {
        List<Cluster.Worker> workers = new ArrayList<>();
        for (int w = 0; w < n; w++) {
          workers.add(cluster.worker(30));
        }
        if (cluster.count("SELECT COUNT(*) FROM submissions WHERE status = 'queued'") == 0) {
          rescore(cluster, a); // a pass that warms the workers' JIT up, not timed
        }
        awaitScored(cluster, (int) cluster.count("SELECT COUNT(*) FROM submissions"));
        int total = (int) cluster.count("SELECT COUNT(*) FROM submissions");
        long start = System.nanoTime();
        rescore(cluster, a);
        awaitScored(cluster, total);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d worker(s): %d submissions scored in %.1f s = %.0f per minute%n", n, total, seconds,
            total / seconds * 60);
        if (n == 2) {
          uploadToScored(cluster, a, b, tokens.get(0), csv);
        }
        stop(workers);
      }
    }
  }

  /** The admin rescores the competition: every submission queued at once. */
  private static void rescore(Cluster cluster, Server node) {
    Http.Reply r = cluster.http(node).post("/api/admin/competitions/bench/rescore", Cluster.ADMIN);
    if (r.status() != 202) {
      throw new IllegalStateException("rescore refused: " + r.body());
    }
    Cluster.sleep(50);
  }

  private static void uploadToScored(Cluster cluster, Server a, Server b, String token, byte[] csv) {
    double[] times = new double[5];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      long id = cluster.upload(a, "bench", token, csv).json().getLong("id");
      while (!cluster.get(b, "/api/submissions/" + id, token).json().getString("status")
          .equals("scored")) {
        Cluster.sleep(5);
      }
      times[i] = (System.nanoTime() - start) / 1e9;
    }
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    System.out.printf("upload on node A to scored on node B (2 workers): median %.2f s (min %.2f, max %.2f)%n",
        sorted[2], sorted[0], sorted[4]);
  }

  private static void awaitScored(Cluster cluster, int count) throws Exception {
    while (cluster.count("SELECT COUNT(*) FROM submissions WHERE status IN ('scored', 'failed')") < count) {
      Cluster.sleep(20);
    }
  }

  private static void stop(List<Cluster.Worker> workers) throws InterruptedException {
    for (Cluster.Worker w : workers) {
      w.process().destroy();
      w.process().waitFor();
    }
  }

  private static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
