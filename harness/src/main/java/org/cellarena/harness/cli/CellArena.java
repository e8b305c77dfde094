package org.cellarena.harness.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cellarena} command line: one launcher for every command, each with its own --help. */
@Command(
    name = "cellarena",
    mixinStandardHelpOptions = true,
    version = "CellArena 0.1.0",
    description = "Self-hosted competition harness for cell instance segmentation (Sartorius layout).")
public final class CellArena implements Runnable {
  /** The commands, in the order the command list shows them. */
  static final List<Class<?>> COMMANDS = List.of(
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
      ScoreCommand.class,
      ValidateCommand.class,
      BenchCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine(args.length > 0 ? args[0] : null).execute(args));
  }

  /** The configured command line with every command; tests call {@code commandLine().execute(...)} in-process. */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command line with only the command named {@code first} when it is one of ours (other than help): picocli
   * reflects over every command it registers, a cost a short run such as {@code score} should not pay for the
   * other fifteen. Anything else (no command, an option, help, a typo) gets them all.
   */
  static CommandLine commandLine(String first) {
    Class<?> only = COMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class && name(c).equals(first)).findFirst().orElse(null);
    CommandLine commandLine = new CommandLine(new CellArena());
    for (Class<?> command : COMMANDS) {
      if (only == null || command == only) {
        commandLine.addSubcommand(command);
      }
    }
    return commandLine
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }
}
