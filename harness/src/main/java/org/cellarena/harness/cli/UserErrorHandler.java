package org.cellarena.harness.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.cellarena.model.runtime.StopSignal;
import org.cellarena.scoring.io.InvalidFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a message and an exit code: bad input (invalid files, missing files, user
 * errors) exits 2 with what and where, never a stack trace; anything else is an internal error (exit 1), its
 * stack trace shown only with CELLARENA_DEBUG=1.
 */
public final class UserErrorHandler implements IExecutionExceptionHandler {
  public static final int INVALID_INPUT = 2;
  public static final int STOPPED = 130;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    var err = cmd.getErr();
    if (cause instanceof StopSignal.Stopped) { // Ctrl-C or SIGTERM: the work stopped where it could
      err.println("cellarena " + cmd.getCommandName() + ": stopped by a signal");
      err.flush();
      return STOPPED;
    } else if (cause instanceof InvalidFileException invalid) {
      err.print(invalid.report());
    } else if (cause instanceof UserException) {
      err.println("cellarena " + cmd.getCommandName() + ": " + cause.getMessage());
    } else if (cause instanceof NoSuchFileException missing) {
      err.println("cellarena " + cmd.getCommandName() + ": no such file: " + missing.getFile());
    } else if (cause instanceof AccessDeniedException denied) {
      err.println("cellarena " + cmd.getCommandName() + ": permission denied: " + denied.getFile());
    } else if (cause instanceof IOException io) {
      err.println("cellarena " + cmd.getCommandName() + ": " + io.getMessage());
    } else {
      err.println("cellarena " + cmd.getCommandName() + ": internal error: " + cause);
      if ("1".equals(System.getenv("CELLARENA_DEBUG"))) {
        cause.printStackTrace(err);
      } else {
        err.println("(run with CELLARENA_DEBUG=1 for the stack trace)");
      }
      return 1;
    }
    err.flush();
    return INVALID_INPUT;
  }
}
