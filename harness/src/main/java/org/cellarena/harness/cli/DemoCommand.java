package org.cellarena.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cellarena.harness.demo.DemoPreparation;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.ServerStartException;
import org.cellarena.web.competition.CompetitionException;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Tokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one-command demo: generated data, a competition, the server, the classical baseline and the model, each
 * step the same command a user would run ({@code submit --wait}, {@code train --submit}). Training runs in a
 * child JVM, so that the memory libtorch takes goes back to the system before the server idles.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole system on generated data, then keep serving until Ctrl-C.",
        "Generates the demo dataset, its split, the competition 'demo' and the model competition 'demo-model' on "
            + "the same held-out images (once; reused later), starts the server, submits the classical baseline, "
            + "trains the small CPU model afresh for --train-iterations (in a separate JVM), auto-submits its "
            + "predictions to 'demo' and the model itself to 'demo-model' (the server runs it), and prints both "
            + "leaderboards, their URLs and the tokens."})
public final class DemoCommand implements Callable<Integer> {
  private static final String BASELINE_TEAM = "baseline (classical)";
  private static final String MODEL_TEAM = "mask-rcnn (tiny cpu)";
  private static final String TOKEN_FILE = "demo-teams.properties";
  private static final String WORK_DIR = "demo-train";
  private static final List<String> COMPETITIONS =
      List.of(DemoPreparation.COMPETITION_ID, DemoPreparation.MODEL_COMPETITION_ID);
  /** How long a stopped demo waits for its training to stop before it closes the server. */
  private static final Duration CHILD_GRACE = Duration.ofSeconds(15);
  private static final int ECHO_WIDTH = 110;

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port to serve on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the demo's data, database and submissions live (default: data/ in the repository).")
  Path dataDir;

  @Option(names = "--train-iterations", defaultValue = "250", paramLabel = "N",
      description = "Training iterations of the model, the same work on any machine (250: about 4 minutes on a "
          + "quiet 2-core machine, validations included); 0 skips the model (default: ${DEFAULT-VALUE}).")
  int trainIterations;

  @Option(names = "--train-minutes", defaultValue = "30", paramLabel = "MINUTES",
      description = "Wall-clock cap on the training: a busy machine stops there, and says so; 0: none "
          + "(default: ${DEFAULT-VALUE}).")
  double trainMinutes;

  @Option(names = "--images", defaultValue = "" + DemoPreparation.IMAGES, paramLabel = "N",
      description = "Images to generate on the first run (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--exit", description = "Stop the server at the end instead of serving until Ctrl-C.")
  boolean exitAtEnd;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535 || trainIterations < 0 || !Double.isFinite(trainMinutes) || trainMinutes < 0
        || images < 10) {
      throw new UserException("--port must be 0..65535, --train-iterations >= 0, --train-minutes >= 0, --images >= 10"
          + " (a split needs some of each cell type)");
    }
    Path home = Path.of(System.getProperty("cellarena.home", ".")).toAbsolutePath().normalize();
    Path data = (dataDir != null ? dataDir : home.resolve("data")).toAbsolutePath().normalize();
    PrintWriter out = spec.commandLine().getOut();

    DemoPreparation.Prepared demo = new DemoPreparation(data, images, DemoPreparation.SEED).prepare(System.out);
    DemoTokens tokens = DemoTokens.load(data.resolve(TOKEN_FILE));
    Server server = start(data, adminToken(tokens));
    ChildJvm training = ChildJvm.likeThisOne();
    Thread stopOnSignal = new Thread(() -> { // Ctrl-C or a SIGTERM, here or while training
      training.stop(CHILD_GRACE);
      server.close();
    }, "cellarena-demo-stop");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      String url = server.url();
      out.println("demo: server at " + url);
      teamTokens(server, tokens);
      server.services().teams().byToken(tokens.get(BASELINE_TEAM)) // shown as a reference row
          .ifPresent(team -> server.services().teams().setBenchmark(team.id(), true));

      submitBaseline(url, tokens.get(BASELINE_TEAM), demo);
      if (trainIterations > 0) {
        int trained = train(training, home, data, demo, url, tokens.get(MODEL_TEAM));
        if (training.stopped()) {
          return ChildJvm.STOPPED; // the hook closes the server
        }
        if (trained != 0) {
          out.println("demo: training or its submission failed (above)");
        } else {
          submitModel(url, tokens.get(MODEL_TEAM), data.resolve(WORK_DIR));
        }
      }
      for (String competition : COMPETITIONS) {
        out.println();
        run(List.of("leaderboard", "--server", url, "--competition", competition));
      }
      out.println();
      summary(url, tokens);
      if (!exitAtEnd) {
        out.println("Serving until Ctrl-C.");
        out.flush();
        new CountDownLatch(1).await(); // until Ctrl-C: the hook closes the server
      }
    } finally {
      if (removeHook(stopOnSignal)) {
        server.close();
      }
    }
    return 0;
  }

  private void submitBaseline(String url, String token, DemoPreparation.Prepared demo) {
    int submitted = run(List.of("submit", "--server", url, "--competition", DemoPreparation.COMPETITION_ID,
        "--token", token, "--file", shown(demo.baselineSubmission()),
        "--description", "classical baseline (OpenCV watershed)", "--wait"));
    if (submitted != 0) {
      spec.commandLine().getOut().println("demo: the baseline submission did not score (above)");
    }
  }

  /** The trained model itself to the model competition, where the server runs it on the hidden images. */
  private void submitModel(String url, String token, Path workDir) {
    int submitted = run(List.of("submit", "--server", url, "--competition", DemoPreparation.MODEL_COMPETITION_ID,
        "--token", token, "--model", shown(workDir), "--description", "the tiny CPU model, run by the server",
        "--wait"));
    if (submitted != 0) {
      spec.commandLine().getOut().println("demo: the model submission did not score (above)");
    }
  }

  private void summary(String url, DemoTokens tokens) {
    PrintWriter out = spec.commandLine().getOut();
    for (String competition : COMPETITIONS) {
      out.printf("Leaderboard:  %s/competitions/%s%n", url, competition);
    }
    out.println("Team tokens:  " + tokens.file() + " (paste one on the team page)");
    out.println("Admin token:  " + (configuredAdminToken() == null ? tokens.get(DemoTokens.ADMIN) + " (for " + url
        + "/admin; kept in " + tokens.file() + ")" : "the one in $CELLARENA_ADMIN_TOKEN (for " + url + "/admin)"));
    out.flush();
  }

  private Server start(Path data, String adminToken) {
    try { // the admin token is given: the server generates and announces none
      return Server.start(ServerConfig.defaults(data).withPort(port).withAdminToken(adminToken), generated -> {});
    } catch (CompetitionException | ServerStartException e) { // a busy port, a database in use: say so, exit 2
      throw new UserException(e.getMessage());
    }
  }

  /**
   * $CELLARENA_ADMIN_TOKEN when set, else the admin token the token file keeps, made on the first run: read before
   * the server starts, so that the kept one is the server's on every run.
   */
  private String adminToken(DemoTokens tokens) throws IOException {
    if (configuredAdminToken() != null) {
      return configuredAdminToken();
    }
    String kept = tokens.get(DemoTokens.ADMIN);
    if (kept != null) {
      spec.commandLine().getOut().println("demo: the admin token is kept in " + tokens.file() + " (and shown at the end)");
      return kept;
    }
    tokens.put(DemoTokens.ADMIN, Tokens.generate());
    tokens.save();
    return tokens.get(DemoTokens.ADMIN);
  }

  private static String configuredAdminToken() {
    String token = System.getenv("CELLARENA_ADMIN_TOKEN");
    return token == null || token.isBlank() ? null : token;
  }

  /** {@code train --submit} in a child JVM: the memory libtorch took is the system's again when it ends. */
  private int train(ChildJvm training, Path home, Path data, DemoPreparation.Prepared demo, String url, String token)
      throws IOException, InterruptedException {
    List<String> args = List.of("train", "--config", shown(home.resolve("configs/demo_cpu.json")),
        "--data", shown(demo.bundle()), "--split", shown(demo.bundle().resolve("split.json")),
        "--work-dir", shown(data.resolve(WORK_DIR)), "--overwrite",
        "--max-iterations", String.valueOf(trainIterations),
        "--max-minutes", BigDecimal.valueOf(trainMinutes).stripTrailingZeros().toPlainString(),
        "--submit", url, "--competition", DemoPreparation.COMPETITION_ID, "--token", token,
        "--test-images", shown(demo.testImages()), "--submissions-dir", shown(home.resolve("submissions")));
    echo(args);
    return training.run(args);
  }

  /** Runs another cellarena command in this process, as a user would type it. */
  private int run(List<String> args) {
    CommandLine cli = CellArena.commandLine();
    cli.setOut(spec.commandLine().getOut());
    cli.setErr(spec.commandLine().getErr());
    echo(args);
    return cli.execute(args.toArray(String[]::new));
  }

  /** The command as a user would type it, tokens hidden, over several lines when long. */
  private void echo(List<String> args) {
    List<String> words = new ArrayList<>(List.of("$", "./cellarena"));
    for (int i = 0; i < args.size(); i++) {
      words.add(i > 0 && args.get(i - 1).equals("--token") ? "***" : ShellWords.quote(args.get(i)));
    }
    PrintWriter out = spec.commandLine().getOut();
    ShellWords.lines(words, ECHO_WIDTH).forEach(out::println);
    out.flush();
  }

  /** A path as the commands get it: relative to the working directory when under it, so the echoes stay short. */
  private static String shown(Path path) {
    Path here = Path.of("").toAbsolutePath();
    return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
  }

  /** False when the JVM is shutting down: the hook is closing the server. */
  private static boolean removeHook(Thread hook) {
    try {
      return Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }

  /**
   * The demo's two teams: created on the first run, their tokens kept in the token file for later runs. The file
   * is repaired on the way: a team that exists without its token in the file, or whose token starts with '-' (as
   * old runs could write), gets a new token.
   */
  private void teamTokens(Server server, DemoTokens tokens) throws IOException {
    boolean changed = false;
    for (String team : new String[] {BASELINE_TEAM, MODEL_TEAM}) {
      String token = tokens.get(team);
      if (token == null || token.startsWith("-")) {
        tokens.put(team, newToken(server, team));
        changed = true;
      }
    }
    if (changed) {
      tokens.save();
    }
  }

  private String newToken(Server server, String team) {
    try {
      return server.createTeam(team).token();
    } catch (Refusal exists) { // the team is in the database from an earlier run: give it a token we can keep
      spec.commandLine().getOut().println("demo: new token for the team \"" + team + "\" (kept in " + TOKEN_FILE + ")");
      return server.renewTeamToken(team).token();
    }
  }
}
