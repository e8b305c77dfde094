package org.cellarena.web.cluster;

import org.cellarena.web.cli.WorkerCommand;
import picocli.CommandLine;

/** {@code cellarena worker} in its own JVM, for the tests that kill one with SIGKILL: the arguments are its options. */
public final class ForkedWorker {
  private ForkedWorker() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerCommand()).execute(args));
  }
}
