package org.cellarena.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.Team;
import org.cellarena.web.store.Teams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code team add} creates a team whose printed token works; bad input is one line and exit 2. */
class CommandsTest {
  @TempDir Path dataDir;

  record Run(int exit, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void teamAddPrintsAWorkingTokenOnce() {
    Run run = run(new TeamCommand(), "add", "--name", "cli team", "--data-dir", dataDir.toString());
    assertEquals(0, run.exit(), run.err());
    String token = run.out().lines().filter(l -> l.startsWith("Token")).findFirst().orElseThrow()
        .replaceFirst(".*: ", "");
    try (Database db = Database.open(ServerConfig.defaults(dataDir).effectiveJdbcUrl())) {
      Optional<Team> team = new Teams(db).byToken(token);
      assertEquals("cli team", team.orElseThrow().name());
    }
    assertTrue(Files.exists(dataDir.resolve("submissions/cellarena.mv.db")));

    Run again = run(new TeamCommand(), "add", "--name", "cli team", "--data-dir", dataDir.toString());
    assertEquals(2, again.exit());
    assertEquals(1, again.err().lines().count(), again.err());
    assertTrue(again.err().contains("already exists"), again.err());
  }

  @Test
  void serveRefusesABadCompetitionFolderInOneLine() throws Exception {
    Path bad = Files.createDirectories(dataDir.resolve("not-a-competition"));
    Run run = run(new ServeCommand(), "--port", "0", "--data-dir", dataDir.toString(), "--competition",
        bad.toString());
    assertEquals(2, run.exit());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("cellarena serve: ") && run.err().contains("competition.json"), run.err());
    assertFalse(run.err().contains("Exception"));

    Files.writeString(bad.resolve("competition.json"), "{\"id\": \"x\", \"daily_limit\": -1}");
    Files.writeString(bad.resolve("solution.csv"), "id,annotation,width,height,cell_type\n");
    Run negative = run(new ServeCommand(), "--port", "0", "--data-dir", dataDir.toString(), "--competition",
        bad.toString());
    assertEquals(2, negative.exit());
    assertTrue(negative.err().contains("daily_limit"), negative.err());
  }

  @Test
  void serveRefusesZeroWorkersInOneLine() {
    Run run = run(new ServeCommand(), "--port", "0", "--workers", "0", "--data-dir", dataDir.toString());
    assertEquals(2, run.exit());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("cellarena serve: ") && run.err().contains("--workers"), run.err());
  }

  @Test
  void aStartOnABusyPortDoesNotUseUpTheGeneratedAdminToken() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CELLARENA_ADMIN_TOKEN") == null);
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      Run run = run(new ServeCommand(), "--port", String.valueOf(busy.getLocalPort()), "--data-dir",
          dataDir.toString());
      assertEquals(2, run.exit(), run.out() + run.err());
      assertEquals(1, run.err().lines().count(), run.err());
      assertFalse(run.out().contains("Admin token"), run.out());
    }
    java.util.List<String> told = new java.util.ArrayList<>();
    try (org.cellarena.web.Server server =
        org.cellarena.web.Server.start(ServerConfig.defaults(dataDir).withPort(0), told::add)) {
      assertEquals(1, told.size(), "the token is shown at the first start that listens");
      assertTrue(server.services().adminToken().matches(told.get(0)));
    }
    try (org.cellarena.web.Server server =
        org.cellarena.web.Server.start(ServerConfig.defaults(dataDir).withPort(0), told::add)) {
      assertEquals(1, told.size(), "and only then");
      assertTrue(server.services().adminToken().matches(told.get(0)), "the stored hash is the shown token's");
    }
  }
}
