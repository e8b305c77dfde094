package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens are random text: one that starts like an option ("-V" is --version, "-h" is --help) still reaches the
 * server, given as {@code --token X}, {@code --token=X} or the environment variable.
 */
@Tag("slow")
class TokenOptionTest {
  private static final Path EXAMPLE = Path.of("..", "examples").toAbsolutePath().normalize();
  private static final String VERSION_LIKE = "-VEqI2BkQ0xr7u1s9mXy4n6p3TzaWcd5eHfLgJoKvAb";
  private static final String HELP_LIKE = "-hU1oP9dRt2sYv3wXz4AaBb5CcDd6EeFf7GgHh8IiJj";

  @TempDir Path dir;
  private Server server;

  @BeforeEach
  void start() {
    server = Server.start(ServerConfig.defaults(dir).withPort(0).withAdminToken(HELP_LIKE)
        .withCompetition(EXAMPLE.resolve("competitions/example")));
    server.services().teams().create("dashes", VERSION_LIKE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void submitTakesATokenStartingWithDashVAttachedOrSeparate() {
    for (List<String> token : List.of(List.of("--token=" + VERSION_LIKE), List.of("--token", VERSION_LIKE))) {
      CommandRun run = CommandRun.of(concat(List.of("submit", "--server", server.url(), "--competition", "example",
          "--file", EXAMPLE.resolve("submissions/example.csv").toString(), "--wait"), token));
      assertEquals(0, run.exitCode(), token + ": " + run.out() + run.err());
      assertTrue(run.out().contains(": scored, public score"), run.out());
    }
    assertEquals(2, server.services().submissions().forTeam("example", teamId()).size());
  }

  @Test
  void leaderboardTakesAnAdminTokenStartingWithDashH() {
    for (List<String> token : List.of(List.of("--token", HELP_LIKE), List.of("--token=" + HELP_LIKE))) {
      CommandRun run = CommandRun.of(concat(List.of("leaderboard", "--server", server.url(), "--competition",
          "example", "--private"), token));
      assertEquals(0, run.exitCode(), token + ": " + run.out() + run.err());
      assertTrue(run.out().startsWith("Private leaderboard of example"), run.out());
    }
    CommandRun wrong = CommandRun.of("leaderboard", "--server", server.url(), "--competition", "example",
        "--private", "--token", "-hWrong");
    assertEquals(2, wrong.exitCode(), "the server, not the parser, refused it: " + wrong.err());
    assertTrue(wrong.err().contains("HTTP 40"), wrong.err());
  }

  @Test
  void submitTakesTheTokenFromTheEnvironment() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CellArena.class.getName(), "submit", "--server", server.url(),
        "--competition", "example", "--file", EXAMPLE.resolve("submissions/example.csv").toString(), "--wait")
        .redirectErrorStream(true);
    pb.environment().put("CELLARENA_TOKEN", VERSION_LIKE);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains(": scored, public score"), out);
  }

  @Test
  void optionsStillWorkAfterATokenThatLooksLikeOne() throws IOException {
    Path missing = dir.resolve("missing.csv");
    CommandRun run = CommandRun.of("submit", "--server", server.url(), "--competition", "example",
        "--token", "-V", "--file", missing.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("missing.csv"), "the token did not swallow --file: " + run.err());
    assertFalse(run.out().contains("CellArena 0.1.0"), "-V after --token is the token, not --version");
    assertFalse(Files.exists(missing));
  }

  private long teamId() {
    return server.services().teams().byToken(VERSION_LIKE).orElseThrow().id();
  }

  private static String[] concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }
}
