package org.cellarena.web;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.cellarena.scoring.io.SubmissionLimits;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.inference.ComputeBudget;
import org.cellarena.web.inference.InferenceLane;
import org.cellarena.web.inference.InferenceRun;
import org.cellarena.web.inference.ModelRunner;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.ChangeFeed;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.Inferences;
import org.cellarena.web.store.Leases;
import org.cellarena.web.store.ScoringWorkers;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.TeamUsage;

/**
 * A process that scores and does nothing else ({@code cellarena worker}): it claims submissions from the shared
 * database, reads their files from the shared data dir and writes the results back; the server nodes tell their
 * browsers. Any number may run, on any machine that reaches the database and the data dir. With
 * {@code --inference} it runs teams' models instead ({@link InferenceLane}), and the CSVs they produce are scored
 * by the other workers and nodes.
 */
public final class ScoringWorker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ScoringWorker.class.getName());

  /**
   * @param jdbcUrl a database that the server nodes share (PostgreSQL)
   * @param dataDir the data dir the nodes store submissions in (shared, e.g. over NFS)
   * @param competitionDirs competition folders scored, besides {@code dataDir/competitions/*}
   * @param threads submissions scored at once
   * @param lease how long a claim lasts without a heartbeat
   * @param metricsPort where to serve Prometheus metrics on /metrics, or 0 for nowhere
   * @param inference run models (threads: models at once) instead of scoring
   */
  public record Config(String jdbcUrl, Path dataDir, List<Path> competitionDirs, int threads, Duration lease,
      int metricsPort, boolean inference) {}

  private final Database db;
  private final ChangeFeed changes;
  private final ScoringQueue queue;
  private final InferenceLane lane;
  private final HttpServer metricsServer;

  private ScoringWorker(Database db, ChangeFeed changes, ScoringQueue queue, InferenceLane lane,
      HttpServer metricsServer) {
    this.db = db;
    this.changes = changes;
    this.queue = queue;
    this.lane = lane;
    this.metricsServer = metricsServer;
  }

  /**
   * Starts scoring.
   *
   * @throws org.cellarena.web.competition.CompetitionException when a competition folder is unusable
   * @throws ServerStartException when the database cannot be opened or is not one to share
   */
  public static ScoringWorker start(Config config) {
    Competitions competitions = Competitions.load(config.dataDir(), config.competitionDirs(),
        SubmissionLimits.DEFAULTS);
    Database db;
    try {
      db = Database.open(config.jdbcUrl());
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new ServerStartException("cannot open the database " + Database.redact(config.jdbcUrl()) + ": " + reason,
          e);
    }
    if (!db.isShared()) {
      db.close();
      throw new ServerStartException("a worker needs the database the server nodes share, "
          + "--jdbc-url jdbc:postgresql://host/db (the embedded H2 belongs to one server)", null);
    }
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChangeFeed changes = new ChangeFeed(db);
    SubmissionFiles files = SubmissionFiles.forScoring(config.dataDir(),
        ServerConfig.defaults(config.dataDir()).uncompressedLimitBytes());
    ScoringQueue queue = new ScoringQueue(new Submissions(db), new Leases(db), new TeamUsage(db),
        new ScoringWorkers(db), files, competitions, config.inference() ? 0 : config.threads(), true, config.lease(),
        metrics, changes::submissionChanged);
    InferenceLane lane = config.inference() ? inferenceLane(config, db, competitions, files, changes) : null;
    HttpServer metricsServer = null;
    try {
      if (config.metricsPort() > 0) {
        metricsServer = serveMetrics(metrics, config.metricsPort());
      }
      queue.start();
      if (lane != null) {
        lane.start();
      }
    } catch (IOException | RuntimeException e) {
      queue.close();
      db.close();
      throw new ServerStartException("cannot start the worker: " + e.getMessage(), e);
    }
    LOG.info("worker " + queue.workerId() + (lane == null ? " scoring " : " running the models of ")
        + competitions.all().size() + " competition(s) on " + config.threads() + " thread(s)");
    return new ScoringWorker(db, changes, queue, lane, metricsServer);
  }

  /** The lane of {@code worker --inference}; the CSVs it produces are scored by whoever claims them. */
  private static InferenceLane inferenceLane(Config config, Database db, Competitions competitions,
      SubmissionFiles files, ChangeFeed changes) {
    ModelRunner runner = ModelRunner.installed().orElse(null);
    if (runner == null) {
      db.close();
      throw new ServerStartException("worker --inference needs a model runner on the classpath; start it with the "
          + "cellarena launcher", null);
    }
    Inferences inferences = new Inferences(db);
    InferenceRun run = new InferenceRun(inferences, competitions, files, new ComputeBudget(inferences), runner,
        (id, team) -> { }, changes::submissionChanged);
    return new InferenceLane(inferences, competitions, run, config.threads(), true, config.lease());
  }

  private static HttpServer serveMetrics(PrometheusMeterRegistry metrics, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  /** The name this worker goes by in leases and among the workers. */
  public String id() {
    return lane != null ? lane.workerId() : queue.workerId();
  }

  /** Finishes the submissions under way (up to 30 s) and stops. */
  @Override
  public void close() {
    if (metricsServer != null) {
      metricsServer.stop(0);
    }
    if (lane != null) {
      lane.close();
    }
    queue.close();
    changes.close();
    db.close();
  }
}
