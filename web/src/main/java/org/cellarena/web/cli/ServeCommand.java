package org.cellarena.web.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cellarena.scoring.io.SubmissionLimits;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.ServerStartException;
import org.cellarena.web.competition.CompetitionException;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellarena serve}: runs the evaluation server until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the evaluation server: the HTTP API and pages, the scoring queue, the leaderboards.",
        "The admin token comes from CELLARENA_ADMIN_TOKEN, or is generated and printed once at the first start.",
        "API: web/API.md."})
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Mixin DatabaseOptions data;

  @Option(names = "--competition", paramLabel = "DIR",
      description = "A competition folder to serve (repeatable), besides DIR/competitions/*.")
  List<Path> competitions = new ArrayList<>();

  @Option(names = "--upload-limit-mb", paramLabel = "MB", defaultValue = "256",
      description = "Largest upload accepted, in MB (default: ${DEFAULT-VALUE}).")
  long uploadLimitMb;

  @Option(names = "--workers", paramLabel = "N",
      description = "Submissions scored at once (default: half the cores, at least 1); 0: this node scores "
          + "nothing and leaves it to `cellarena worker` processes on the same --jdbc-url.")
  Integer workers;

  @Option(names = "--inference-workers", paramLabel = "N", defaultValue = "1",
      description = "Models of model competitions run at once in this node, apart from the scoring (default: "
          + "${DEFAULT-VALUE}); 0: left to `cellarena worker --inference` processes on the same --jdbc-url.")
  int inferenceWorkers;

  @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "600",
      description = "Requests per minute allowed per token (default: ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(names = "--max-masks-per-image", paramLabel = "N", defaultValue = "" + SubmissionLimits.DEFAULT_MASKS_PER_IMAGE,
      description = "Most predicted masks one image of a submission may have (default: ${DEFAULT-VALUE}).")
  int masksPerImage;

  @Option(names = "--max-masks-per-file", paramLabel = "N", defaultValue = "" + SubmissionLimits.DEFAULT_MASKS_PER_FILE,
      description = "Most predicted masks in one submission (default: ${DEFAULT-VALUE}).")
  long masksPerFile;

  @Option(names = "--max-pixels-per-file", paramLabel = "N",
      description = "Most pixels the masks of one submission may cover (default: no bound beyond the images' "
          + "sizes, which overlapping masks pass).")
  Long pixelsPerFile;

  @Option(names = "--max-scoring-seconds", paramLabel = "S", defaultValue = "" + SubmissionLimits.DEFAULT_SECONDS,
      description = "Longest that reading and scoring one submission may take (default: ${DEFAULT-VALUE}).")
  long scoringSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535 || uploadLimitMb < 1 || rateLimit < 1 || (workers != null && workers < 0)
        || inferenceWorkers < 0) {
      return fail("--port must be 0..65535, --upload-limit-mb and --rate-limit at least 1, --workers and "
          + "--inference-workers at least 0");
    }
    String jdbcUrl;
    try {
      jdbcUrl = data.jdbcUrl();
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
    if (workers != null && workers == 0 && !Database.isShared(jdbcUrl)) {
      return fail("--workers 0 (a node that scores nothing) needs the database that `cellarena worker` processes "
          + "share, --jdbc-url jdbc:postgresql://...; with the embedded one nothing would ever be scored");
    }
    if (masksPerImage < 1 || masksPerFile < 1 || (pixelsPerFile != null && pixelsPerFile < 1)
        || scoringSeconds < 1) {
      return fail("--max-masks-per-image, --max-masks-per-file, --max-pixels-per-file and --max-scoring-seconds "
          + "must be at least 1");
    }
    SubmissionLimits limits = SubmissionLimits.DEFAULTS.withMasksPerImage(masksPerImage)
        .withMasksPerFile(masksPerFile).withTime(Duration.ofSeconds(scoringSeconds));
    if (pixelsPerFile != null) {
      limits = limits.withPixelsPerFile(pixelsPerFile);
    }
    ServerConfig config = ServerConfig.defaults(data.dataDir()).withHost(host).withPort(port)
        .withJdbcUrl(jdbcUrl).withAdminToken(System.getenv("CELLARENA_ADMIN_TOKEN"))
        .withUploadLimit(uploadLimitMb * ServerConfig.MB).withRequestsPerMinute(rateLimit)
        .withSubmissionLimits(limits).withInferenceWorkers(inferenceWorkers);
    if (workers != null) {
      config = config.withScoringWorkers(workers);
    }
    for (Path dir : competitions) {
      config = config.withCompetition(dir);
    }
    Server server;
    try {
      server = Server.start(config, token -> spec.commandLine().getOut().println(
          "Admin token (shown this once; keep it, or set CELLARENA_ADMIN_TOKEN): " + token));
    } catch (CompetitionException | ServerStartException | Refusal e) {
      return fail(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    out.println("CellArena serving " + server.services().competitions().all().size() + " competition(s) at "
        + server.url() + " (data: " + config.dataDir() + ")");
    server.services().competitions().all().forEach(c -> out.println("  " + c.id() + ": " + server.url()
        + "/competitions/" + c.id()));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "cellarena-shutdown"));
    stopped.await();
    return 0;
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("cellarena serve: " + message);
    return 2;
  }
}
