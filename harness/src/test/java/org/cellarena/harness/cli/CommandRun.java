package org.cellarena.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code cellarena} in-process as a user would, capturing exit code, stdout and stderr. */
public record CommandRun(int exitCode, String out, String err) {

  public static CommandRun of(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    var cli = CellArena.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }
}
