package org.cellarena.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cellarena.harness.demo.DemoPreparation;
import org.cellarena.web.Refusal;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.ServerStartException;
import org.cellarena.web.competition.CompetitionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one-command demo: generated data, a competition, the server, the classical baseline and the model, each
 * step the same command a user would run ({@code submit --wait}, {@code train --submit}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole system on generated data, then keep serving until Ctrl-C.",
        "Generates the demo dataset, its split and the competition 'demo' (once; reused later), starts the server, "
            + "submits the classical baseline, trains the small CPU model afresh for --train-minutes, auto-submits "
            + "its predictions and prints the leaderboard URL and the scores."})
public final class DemoCommand implements Callable<Integer> {
  private static final String BASELINE_TEAM = "baseline (classical)";
  private static final String MODEL_TEAM = "mask-rcnn (tiny cpu)";

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port to serve on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the demo's data, database and submissions live (default: data/ in the repository).")
  Path dataDir;

  @Option(names = "--train-minutes", defaultValue = "4", paramLabel = "MINUTES",
      description = "Minutes of model training on the CPU, its validations included; 0 skips the model "
          + "(default: ${DEFAULT-VALUE}).")
  double trainMinutes;

  @Option(names = "--images", defaultValue = "" + DemoPreparation.IMAGES, paramLabel = "N",
      description = "Images to generate on the first run (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--exit", description = "Stop the server at the end instead of serving until Ctrl-C.")
  boolean exitAtEnd;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535 || trainMinutes < 0 || images < 10) {
      throw new UserException("--port must be 0..65535, --train-minutes >= 0, --images >= 10 (a split needs some of each cell type)");
    }
    Path home = Path.of(System.getProperty("cellarena.home", ".")).toAbsolutePath().normalize();
    Path data = (dataDir != null ? dataDir : home.resolve("data")).toAbsolutePath().normalize();
    PrintWriter out = spec.commandLine().getOut();

    DemoPreparation.Prepared demo = new DemoPreparation(data, images, DemoPreparation.SEED).prepare(System.out);
    Server server;
    try {
      server = Server.start(ServerConfig.defaults(data).withPort(port)
          .withAdminToken(System.getenv("CELLARENA_ADMIN_TOKEN")),
          token -> out.println("Admin token (shown this once; keep it for /admin): " + token));
    } catch (CompetitionException | ServerStartException e) { // a busy port, a database in use: say so, exit 2
      throw new UserException(e.getMessage());
    }
    Thread closeOnExit = new Thread(server::close, "cellarena-demo-stop"); // Ctrl-C, here or while training
    Runtime.getRuntime().addShutdownHook(closeOnExit);
    try {
      String url = server.url();
      out.println("demo: server at " + url);
      Properties tokens = teamTokens(server, data.resolve("demo-teams.properties"));
      server.services().teams().byToken(tokens.getProperty(BASELINE_TEAM)) // shown as a reference row
          .ifPresent(team -> server.services().teams().setBenchmark(team.id(), true));

      int baseline = run("submit", "--server", url, "--competition", DemoPreparation.COMPETITION_ID,
          "--token", tokens.getProperty(BASELINE_TEAM), "--file", demo.baselineSubmission().toString(),
          "--description", "classical baseline (OpenCV watershed)", "--wait");
      if (baseline != 0) {
        out.println("demo: the baseline submission did not score (above)");
      }
      if (trainMinutes > 0) {
        int trained = run("train", "--config", home.resolve("configs/demo_cpu.json").toString(),
            "--data", demo.bundle().toString(), "--split", demo.bundle().resolve("split.json").toString(),
            "--work-dir", data.resolve("demo-train").toString(), "--overwrite",
            "--max-minutes", String.valueOf(trainMinutes),
            "--submit", url, "--competition", DemoPreparation.COMPETITION_ID,
            "--token", tokens.getProperty(MODEL_TEAM), "--test-images", demo.testImages().toString(),
            "--submissions-dir", home.resolve("submissions").toString());
        if (trained != 0) {
          out.println("demo: training or its submission failed (above)");
        }
      }
      out.println();
      run("leaderboard", "--server", url, "--competition", DemoPreparation.COMPETITION_ID);
      out.println();
      out.println("Leaderboard:  " + url + "/competitions/" + DemoPreparation.COMPETITION_ID);
      out.println("Team tokens:  " + data.resolve("demo-teams.properties") + " (paste one on the team page)");
      out.flush();
      if (!exitAtEnd) {
        out.println("Serving until Ctrl-C.");
        out.flush();
        new CountDownLatch(1).await(); // until Ctrl-C: the hook closes the server
      }
    } finally {
      Runtime.getRuntime().removeShutdownHook(closeOnExit);
      server.close();
    }
    return 0;
  }

  /** Runs another cellarena command in this process, as a user would type it. */
  private int run(String... args) {
    CommandLine cli = CellArena.commandLine();
    cli.setOut(spec.commandLine().getOut());
    cli.setErr(spec.commandLine().getErr());
    spec.commandLine().getOut().println("$ ./cellarena " + String.join(" ", redacted(args)));
    spec.commandLine().getOut().flush();
    return cli.execute(args);
  }

  private static String[] redacted(String[] args) {
    String[] shown = args.clone();
    for (int i = 0; i + 1 < shown.length; i++) {
      if (shown[i].equals("--token")) {
        shown[i + 1] = "***";
      }
    }
    return shown;
  }

  /**
   * The demo's two teams: created on the first run, their tokens kept in a local file for later runs. The file is
   * repaired on the way: a team that exists without its token in the file, or whose token starts with '-' (as old
   * runs could write), gets a new token.
   */
  private Properties teamTokens(Server server, Path file) throws IOException {
    Properties tokens = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        tokens.load(in);
      }
    }
    boolean changed = false;
    for (String team : new String[] {BASELINE_TEAM, MODEL_TEAM}) {
      String token = tokens.getProperty(team);
      if (token == null || token.startsWith("-")) {
        tokens.setProperty(team, newToken(server, team));
        changed = true;
      }
    }
    if (changed) {
      try (Writer w = Files.newBufferedWriter(file)) {
        tokens.store(w, "CellArena demo team tokens (bearer tokens for the API and the team page)");
      }
    }
    return tokens;
  }

  private String newToken(Server server, String team) {
    try {
      return server.createTeam(team).token();
    } catch (Refusal exists) { // the team is in the database from an earlier run: give it a token we can keep
      spec.commandLine().getOut().println("demo: new token for the team \"" + team + "\" (kept in demo-teams.properties)");
      return server.renewTeamToken(team).token();
    }
  }
}
