package org.cellarena.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.cellarena.web.auth.AdminToken;
import org.cellarena.web.auth.RateLimiter;
import org.cellarena.web.board.DailyQuota;
import org.cellarena.web.board.Leaderboards;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.competition.ParticipantFiles;
import org.cellarena.web.files.DiskSpace;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.http.ConnectionGuard;
import org.cellarena.web.http.HttpVerticle;
import org.cellarena.web.http.Replies;
import org.cellarena.web.inference.ComputeBudget;
import org.cellarena.web.inference.InferenceLane;
import org.cellarena.web.inference.InferenceRun;
import org.cellarena.web.inference.ModelChecks;
import org.cellarena.web.inference.ModelRunner;
import org.cellarena.web.intake.ModelIntake;
import org.cellarena.web.intake.SubmissionIntake;
import org.cellarena.web.metrics.DatabaseGauges;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.AuditLog;
import org.cellarena.web.store.ChangeFeed;
import org.cellarena.web.store.CompetitionEdits;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.FinalPicks;
import org.cellarena.web.store.Inferences;
import org.cellarena.web.store.Leases;
import org.cellarena.web.store.NewTeam;
import org.cellarena.web.store.Quotas;
import org.cellarena.web.store.Results;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.store.ScoringWorkers;
import org.cellarena.web.store.Settings;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.TeamUsage;
import org.cellarena.web.store.Teams;

/**
 * The evaluation server, started in-process:
 *
 * <pre>{@code
 * try (Server server = Server.start(ServerConfig.defaults(dataDir).withPort(0).withCompetition(dir))) {
 *   String token = server.createTeam("my team").token();
 *   ... http://127.0.0.1:server.port()/api/...
 * }
 * }</pre>
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Server.class.getName());
  /**
   * Vert.x registers its HTTP gauges once per event-loop server and Micrometer warns that the later ones are
   * duplicates, which is harmless (the first serves them all): its warnings are not shown. Kept in a field, since
   * java.util.logging holds loggers weakly and would forget the level.
   */
  private static final Logger MICROMETER = Logger.getLogger("io.micrometer");

  static {
    MICROMETER.setLevel(java.util.logging.Level.SEVERE);
  }

  private final Services services;
  private final int port;

  private Server(Services services, int port) {
    this.services = services;
    this.port = port;
  }

  /** Starts a server; a generated admin token is printed to standard output once it listens, the one time. */
  public static Server start(ServerConfig config) {
    return start(config, token -> System.out.println("Admin token (shown once, keep it): " + token));
  }

  /**
   * Starts a server and returns once it listens.
   *
   * @param announceAdminToken told the admin token when it is generated (the first start that listens, no
   *     configured token)
   * @throws org.cellarena.web.competition.CompetitionException when a competition folder is unusable
   * @throws ServerStartException when the database or the port cannot be opened
   */
  public static Server start(ServerConfig config, Consumer<String> announceAdminToken) {
    try {
      Files.createDirectories(config.submissionsDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + config.submissionsDir(), e);
    }
    Competitions competitions = Competitions.load(config.dataDir(), config.competitionDirs(), config.submissionLimits());
    Database db = openDatabase(config);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true))).withMetrics(new MicrometerMetricsFactory(metrics)).build();
    ChangeFeed changes = new ChangeFeed(db);
    try {
      Services services = compose(config, vertx, db, competitions, changes, metrics);
      int port = listen(vertx, Routes.create(services), config);
      services.adminToken().keep(announceAdminToken); // only now: a failed start must not use up the shown-once token
      services.queue().start(); // after listening, so that a failed start leaves no worker behind
      services.inferenceLane().start();
      LOG.fine("CellArena serving " + competitions.all().size() + " competition(s) on http://" + config.host()
          + ":" + port); // not INFO: serve and demo say it on the console in plain words
      return new Server(services, port);
    } catch (RuntimeException e) {
      changes.close();
      vertx.close();
      db.close();
      throw e;
    }
  }

  /** The stores, files, boards and queue over the database, each given what it uses. */
  private static Services compose(ServerConfig config, Vertx vertx, Database db, Competitions competitions,
      ChangeFeed changes, PrometheusMeterRegistry metrics) {
    CompetitionEdits edits = new CompetitionEdits(db);
    EditedSettings settings = new EditedSettings(competitions, edits);
    settings.applyAll();
    Teams teams = new Teams(db);
    Submissions submissions = new Submissions(db);
    SubmissionFiles files = submissionFiles(config, db, submissions);
    Reveals reveals = new Reveals(db);
    Results results = new Results(db);
    // every node hears of every change, its own and the other nodes' and workers' (ChangeFeed)
    Leaderboards leaderboards = new Leaderboards(submissions, results, teams, reveals, changes::competitionChanged);
    changes.listen(new ChangeFollower(vertx, settings, teams, leaderboards));
    Leases leases = new Leases(db);
    ScoringQueue queue = new ScoringQueue(submissions, leases, new TeamUsage(db), new ScoringWorkers(db), files,
        competitions, config.scoringWorkers(), db.isShared(), ScoringQueue.DEFAULT_LEASE, metrics,
        changes::submissionChanged);
    new DatabaseGauges(vertx, db, competitions, metrics).start();
    DailyQuota quota = new DailyQuota(new Quotas(db));
    AdminToken adminToken = AdminToken.resolve(config.adminToken(), new Settings(db));
    AuditLog audit = new AuditLog(db);
    SubmissionIntake intake = new SubmissionIntake(submissions, files, quota, reveals, queue, audit, metrics,
        Replies::status);
    Inferences inferences = new Inferences(db);
    ComputeBudget budget = new ComputeBudget(inferences);
    ModelChecks checks = new ModelChecks(ModelRunner.installed().orElse(null));
    InferenceLane lane = inferenceLane(config, db, competitions, inferences, files, budget, checks, queue, changes);
    return new Services(vertx, config, db, competitions, teams, submissions, leases, results, new FinalPicks(db),
        files, queue, intake, leaderboards, quota, reveals, audit, adminToken,
        new RateLimiter(config.requestsPerMinute()), metrics, changes, edits,
        new ParticipantFiles(config.dataDir().resolve("files-cache")), inferences, lane,
        new ModelIntake(intake, submissions, files, checks, budget, lane::wake));
  }

  /** The in-process inference lane; with no runner installed it runs nothing (and model uploads are refused). */
  private static InferenceLane inferenceLane(ServerConfig config, Database db, Competitions competitions,
      Inferences inferences, SubmissionFiles files, ComputeBudget budget, ModelChecks checks, ScoringQueue queue,
      ChangeFeed changes) {
    InferenceRun run = new InferenceRun(inferences, competitions, files, budget, checks.runner().orElse(null),
        queue::enqueue, changes::submissionChanged);
    int threads = checks.runner().isPresent() ? config.inferenceWorkers() : 0;
    return new InferenceLane(inferences, competitions, run, threads, db.isShared(), InferenceLane.DEFAULT_LEASE);
  }

  /** The stored submissions, without the files that interrupted uploads left behind. */
  private static SubmissionFiles submissionFiles(ServerConfig config, Database db, Submissions submissions) {
    SubmissionFiles files = new SubmissionFiles(config.dataDir(), config.uncompressedLimitBytes(),
        config.safeguards().maxCompressionRatio(),
        new DiskSpace(config.submissionsDir(), config.safeguards().freeSpaceMarginBytes()));
    // a shared data dir: spare the young files, which may be other nodes' uploads in flight
    int removed = files.removeLeftovers(submissions.storedFiles(), db.isShared() ? Duration.ofHours(1) : Duration.ZERO);
    if (removed > 0) {
      LOG.info("removed " + removed + " file(s) left behind by interrupted uploads");
    }
    return files;
  }

  /**
   * Starts one HTTP server per core, all on the same port, which Vert.x shares among them (port 0: a free port
   * chosen first), under one {@link ConnectionGuard}; returns the port.
   */
  private static int listen(Vertx vertx, Router router, ServerConfig config) {
    String host = config.host();
    int actual = config.port() != 0 ? config.port() : freePort(host);
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    Safeguards limits = config.safeguards();
    ConnectionGuard guard = new ConnectionGuard(limits.connectionsPerAddress(), limits.headerTimeout().toMillis());
    await(vertx.deployVerticle(() -> new HttpVerticle(router, host, actual, guard, limits.idleTimeout().toSeconds()),
        new DeploymentOptions().setInstances(instances)));
    return actual;
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ServerStartException("cannot find a free port on " + host + ": " + e.getMessage(), e);
    }
  }

  private static Database openDatabase(ServerConfig config) {
    try {
      return Database.open(config.effectiveJdbcUrl());
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new ServerStartException("cannot open the database " + Database.redact(config.effectiveJdbcUrl())
          + (Database.isShared(config.jdbcUrl()) ? "" : " (is another server using it?)") + ": " + reason, e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new ServerStartException("cannot start the HTTP server: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted while starting", e);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** {@code http://host:port}. */
  public String url() {
    return "http://" + services.config().host() + ":" + port();
  }

  public Services services() {
    return services;
  }

  /** Creates a team (recorded in the audit log); its token is in the answer and nowhere else. */
  public NewTeam createTeam(String name) {
    NewTeam team = services.teams().create(name);
    services.audit().record("in-process", "team.create", "team " + team.team().id(),
        new io.vertx.core.json.JsonObject().put("name", team.team().name()));
    return team;
  }

  /** Gives an existing team a new token (recorded in the audit log); the old token stops working. */
  public NewTeam renewTeamToken(String name) {
    NewTeam team = services.teams().renewToken(name);
    services.audit().record("in-process", "team.token.renew", "team " + team.team().id(),
        new io.vertx.core.json.JsonObject().put("name", team.team().name()));
    return team;
  }

  /** Stops listening and scoring; unfinished work stays queued in the database for the next start. */
  @Override
  public void close() {
    services.inferenceLane().close();
    services.queue().close();
    services.changes().close();
    try {
      await(services.vertx().close());
    } finally {
      services.database().close();
    }
  }
}
