package org.cellarena.web.cluster;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.api.Http;

/**
 * Pieces of a deployment on one PostgreSQL, for the tests and the benchmark: serve nodes in this JVM, workers in
 * their own ({@code cellarena worker}, so that one can be killed with SIGKILL), HTTP calls to a node, and a look into
 * the database.
 */
final class Cluster implements AutoCloseable {
  static final String ADMIN = "cluster-admin-token";

  final String jdbcUrl;
  final Path dataDir;
  private final List<Server> nodes = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();
  private final Map<Server, Http> clients = new ConcurrentHashMap<>();

  Cluster(String jdbcUrl, Path dataDir) {
    this.jdbcUrl = jdbcUrl;
    this.dataDir = dataDir;
  }

  /** Starts a serve node on a free port; {@code scoringThreads} 0 is {@code serve --workers 0}. */
  Server node(int scoringThreads) {
    return node(scoringThreads, 1);
  }

  /** A serve node that also runs {@code inferenceThreads} models at once ({@code serve --inference-workers}). */
  Server node(int scoringThreads, int inferenceThreads) {
    Server node = Server.start(ServerConfig.defaults(dataDir).withPort(0).withJdbcUrl(jdbcUrl)
        .withAdminToken(ADMIN).withScoringWorkers(scoringThreads).withInferenceWorkers(inferenceThreads));
    nodes.add(node);
    return node;
  }

  /** Stops a node (the others serve on). */
  void stop(Server node) {
    nodes.remove(node);
    clients.remove(node);
    node.close();
  }

  /**
   * A worker process: {@code cellarena worker --threads 1 --lease-seconds S} and the {@code extra} options (such
   * as {@code --inference}); returns once it works.
   */
  Worker worker(int leaseSeconds, String... extra) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        ForkedWorker.class.getName(), "--jdbc-url", jdbcUrl, "--data-dir", dataDir.toString(), "--threads", "1",
        "--lease-seconds", "" + leaseSeconds));
    command.addAll(List.of(extra));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    String id = null;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("CellArena worker ")) {
        id = line.substring("CellArena worker ".length()).split(" ")[0];
        break;
      }
    }
    if (id == null) {
      throw new IllegalStateException("the worker did not start:\n" + seen);
    }
    StringBuffer log = new StringBuffer(seen);
    Thread drain = new Thread(() -> out.lines().forEach(l -> log.append(l).append('\n')), "drain-" + id);
    drain.setDaemon(true);
    drain.start();
    Worker worker = new Worker(id, p, log);
    workers.add(worker);
    return worker;
  }

  /** A worker process, the name it goes by in leases, and what it printed. */
  record Worker(String id, Process process, StringBuffer log) {
    void kill9() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP (true) or SIGCONT (false): a worker frozen, as by a long GC pause or a lost network. */
    void pause(boolean stop) throws IOException, InterruptedException {
      new ProcessBuilder("kill", stop ? "-STOP" : "-CONT", "" + process.pid()).inheritIO().start().waitFor();
    }
  }

  /** The HTTP client of one node. */
  Http http(Server node) {
    return clients.computeIfAbsent(node, n -> new Http(n.url()));
  }

  Http.Reply get(Server node, String path, String token) {
    return http(node).get(path, token);
  }

  Http.Reply upload(Server node, String competition, String token, byte[] csv) {
    return http(node).postBytes("/api/competitions/" + competition + "/submissions", token, "text/csv", csv);
  }

  /** Polls the status on {@code node} until scored or failed (at most {@code seconds}); the final status. */
  JsonObject awaitFinal(Server node, long id, String token, int seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      JsonObject status = get(node, "/api/submissions/" + id, token).json();
      String s = status.getString("status");
      if (s.equals("scored") || s.equals("failed")) {
        return status;
      }
      sleep(20);
    }
    throw new AssertionError("submission " + id + " did not finish in " + seconds + " s");
  }

  /** The id of a submission being scored under a lease of the worker, or -1. */
  long scoringBy(Worker worker) throws SQLException {
    return heldBy(worker, "scoring");
  }

  /** The id of a submission in {@code status} under a lease of the worker, or -1. */
  long heldBy(Worker worker, String status) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
         PreparedStatement q = c.prepareStatement(
             "SELECT id FROM submissions WHERE status = '" + status + "' AND lease_owner LIKE ?")) {
      q.setString(1, worker.id() + "#%");
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /** One number from the database. */
  long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
         PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Worker w : workers) {
      w.process().destroy();
    }
    for (Worker w : workers) {
      try {
        if (!w.process().waitFor(40, TimeUnit.SECONDS)) {
          w.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Server node : nodes) {
      node.close();
    }
  }
}
