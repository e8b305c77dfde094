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
  private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

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
      org.cellarena.web.cli.WorkerCommand.class,
      SubmitCommand.class,
      LeaderboardCommand.class,
      BaselineCommand.class,
      org.cellarena.model.cli.TrainCommand.class,
      org.cellarena.model.cli.PredictCommand.class,
      org.cellarena.model.cli.ModelBenchCommand.class,
      org.cellarena.model.cli.DoctorCommand.class,
      ScoreCommand.class,
      ValidateCommand.class,
      BenchCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    // the server's log lines (java.util.logging) on one line each: "15:43:58 WARNING ..."
    if (System.getProperty(LOG_FORMAT) == null) {
      System.setProperty(LOG_FORMAT, "%1$tT %4$s %5$s%6$s%n");
    }
    System.exit(commandLine(args.length > 0 ? args[0] : null).execute(args));
  }

  /**
   * The configured command line with every command; tests call {@code commandLine().execute(...)} in-process. An
   * option's value is taken as it is even when it looks like an option: tokens are random text and may start with
   * "-V" or "-h".
   */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command line as a run starting with {@code first} needs it. picocli reflects over every option of every
   * command it registers, a cost a short run should not pay for commands it does not run: a run of one of our
   * commands gets only that one; the command list ({@code --help}, no command, a typo) gets every command's name
   * and description only; {@code help} and {@code null} (tests) get everything.
   */
  static CommandLine commandLine(String first) {
    Class<?> only = COMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class && name(c).equals(first)).findFirst().orElse(null);
    boolean full = first == null || "help".equals(first);
    CommandLine cli = new CommandLine(new CellArena());
    for (Class<?> command : COMMANDS) {
      if (only == null && !full && command != CommandLine.HelpCommand.class) {
        cli.addSubcommand(summary(command));
      } else if (only == null || command == only) {
        cli.addSubcommand(command);
      }
    }
    cli.setExecutionExceptionHandler(new UserErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAllowOptionsAsOptionParameters(true);
    HelpWrapping.apply(cli);
    return cli;
  }

  /** A command's name and description from its annotation alone, for the command list. */
  private static CommandLine summary(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(annotation.name());
    spec.usageMessage().description(annotation.description());
    return new CommandLine(spec);
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }
}
