package org.cellarena.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worker} and the database options refuse what cannot work in one line, exit 2, never a stack trace. */
class WorkerCommandTest {
  @TempDir Path dataDir;

  private static void assertOneLine(CommandsTest.Run run, String prefix, String words) {
    assertEquals(2, run.exit(), run.out() + run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith(prefix) && run.err().contains(words), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aWorkerNeedsTheSharedDatabase() {
    assertOneLine(CommandsTest.run(new WorkerCommand(), "--data-dir", dataDir.toString()),
        "cellarena worker: ", "--jdbc-url is required");
    assertOneLine(CommandsTest.run(new WorkerCommand(), "--data-dir", dataDir.toString(), "--jdbc-url",
        "jdbc:h2:file:" + dataDir.resolve("db")), "cellarena worker: ", "needs the database the server nodes share");
    assertOneLine(CommandsTest.run(new WorkerCommand(), "--data-dir", dataDir.toString(), "--jdbc-url",
        "jdbc:mysql://localhost/x"), "cellarena worker: ", "unsupported database URL");
    assertOneLine(CommandsTest.run(new WorkerCommand(), "--data-dir", dataDir.toString(), "--jdbc-url",
        "jdbc:postgresql://127.0.0.1:1/none", "--threads", "0"), "cellarena worker: ", "--threads");
  }

  @Test
  void anUnreachablePostgresIsOneLineWithoutThePassword() {
    CommandsTest.Run run = CommandsTest.run(new WorkerCommand(), "--data-dir", dataDir.toString(), "--jdbc-url",
        "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "--db-user", "u", "--db-password", "s3cret");
    assertOneLine(run, "cellarena worker: ", "cannot open the database jdbc:postgresql://127.0.0.1:1/none");
    assertFalse(run.err().contains("s3cret"), run.err());
    assertTrue(run.err().contains("password=***"), run.err());
  }

  @Test
  void databaseCredentialsNeedPostgres() {
    assertOneLine(CommandsTest.run(new ServeCommand(), "--port", "0", "--data-dir", dataDir.toString(),
        "--db-user", "u"), "cellarena serve: ", "need a --jdbc-url jdbc:postgresql://");
    assertOneLine(CommandsTest.run(new TeamCommand(), "add", "--name", "x", "--data-dir", dataDir.toString(),
        "--db-password", "p"), "cellarena team add: ", "need a --jdbc-url jdbc:postgresql://");
  }
}
