package org.cellarena.harness;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.cellarena.harness.cli.CellArena;
import picocli.CommandLine;

/** Runs a {@code cellarena} command in-process and keeps its exit code, standard output and error. */
public record CommandRun(int exitCode, String out, String err) {
  public static synchronized CommandRun of(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter picocliErr = new StringWriter();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine cli = CellArena.commandLine();
      cli.setErr(new PrintWriter(picocliErr, true));
      code = cli.execute(args);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    CommandRun run = new CommandRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8) + picocliErr);
    savedOut.print(run.out);
    savedErr.print(run.err);
    return run;
  }
}
