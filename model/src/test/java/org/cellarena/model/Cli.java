package org.cellarena.model;

import org.cellarena.model.cli.PredictCommand;
import org.cellarena.model.cli.TrainCommand;
import picocli.CommandLine;

/** Runs {@code train} or {@code predict} without the launcher (manual checks): Cli train|predict args... */
public final class Cli {
  @CommandLine.Command(name = "model", subcommands = {TrainCommand.class, PredictCommand.class})
  static final class Root {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new Root()).execute(args));
  }
}
