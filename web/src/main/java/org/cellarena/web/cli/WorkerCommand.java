package org.cellarena.web.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cellarena.web.ScoringWorker;
import org.cellarena.web.ServerStartException;
import org.cellarena.web.competition.CompetitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellarena worker}: scores submissions (or runs models) from the shared database until stopped (Ctrl-C). */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Score submissions (or, with --inference, run the models of model competitions), and nothing "
        + "else, for the `serve` nodes that share a PostgreSQL database.",
        "Needs the nodes' --jdbc-url and their data dir (a shared filesystem); see the README's deployment section."})
public final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions data;

  @Option(names = "--competition", paramLabel = "DIR",
      description = "A competition folder to score (repeatable), besides DIR/competitions/*.")
  List<Path> competitions = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N",
      description = "Submissions scored at once (default: the cores), or with --inference models run at once "
          + "(default: 1).")
  Integer threads;

  @Option(names = "--inference",
      description = "Run the teams' models of model competitions (on CUDA where the engine sees one) instead of "
          + "scoring; the CSVs they produce are scored by the other workers and the serve nodes.")
  boolean inference;

  @Option(names = "--lease-seconds", paramLabel = "S", defaultValue = "30",
      description = "How long a claimed submission stays this worker's without a heartbeat (one every third of "
          + "it); if the worker dies, another takes the submission over after this (default: ${DEFAULT-VALUE}).")
  int leaseSeconds;

  @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "0",
      description = "Serve Prometheus metrics at http://<host>:PORT/metrics (default: none).")
  int metricsPort;

  @Override
  public Integer call() throws InterruptedException {
    int n = threads != null ? threads : inference ? 1 : Runtime.getRuntime().availableProcessors();
    if (n < 1 || leaseSeconds < 3 || metricsPort < 0 || metricsPort > 65535) {
      return fail("--threads must be at least 1, --lease-seconds at least 3, --metrics-port 0..65535");
    }
    String url;
    try {
      url = data.jdbcUrl();
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
    if (url == null) {
      return fail("--jdbc-url is required: the PostgreSQL database the serve nodes use");
    }
    ScoringWorker worker;
    try {
      worker = ScoringWorker.start(new ScoringWorker.Config(url, data.dataDir().toAbsolutePath().normalize(),
          competitions, n, Duration.ofSeconds(leaseSeconds), metricsPort, inference));
    } catch (CompetitionException | ServerStartException e) {
      return fail(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    out.println("CellArena worker " + worker.id() + (inference ? " running models" : " scoring") + " on " + n
        + " thread(s)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      worker.close();
      stopped.countDown();
    }, "cellarena-shutdown"));
    stopped.await();
    return 0;
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("cellarena worker: " + message);
    return 2;
  }
}
