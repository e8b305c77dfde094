package org.cellarena.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cellarena} command line: one launcher for every command, each with its own --help. */
@Command(
    name = "cellarena",
    mixinStandardHelpOptions = true,
    version = "CellArena 0.1.0",
    description = "Self-hosted competition harness for cell instance segmentation (Sartorius layout).",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      DemoDataCommand.class,
      ImportCocoCommand.class,
      SplitCommand.class,
      CompetitionCommand.class,
      org.cellarena.web.cli.ServeCommand.class,
      org.cellarena.web.cli.TeamCommand.class,
      SubmitCommand.class,
      LeaderboardCommand.class,
      BaselineCommand.class,
      org.cellarena.model.cli.TrainCommand.class,
      org.cellarena.model.cli.PredictCommand.class,
      org.cellarena.model.cli.ModelBenchCommand.class,
      org.cellarena.model.cli.DoctorCommand.class,
      ScoreCommand.class,
      ValidateCommand.class,
      BenchCommand.class,
    })
public final class CellArena implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code commandLine().execute(...)} in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new CellArena())
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
