package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's help fits 80 columns and breaks lines between words only, never inside a value or a name. */
class HelpTextTest {
  @Test
  void everyHelpFitsEightyColumnsAndKeepsEveryWordWhole() {
    List<CommandLine> all = new ArrayList<>();
    collect(CellArena.commandLine(), all);
    assertTrue(all.size() > 15, "every command and subcommand: " + all.size());
    for (CommandLine cli : all) {
      String help = cli.getUsageMessage();
      String name = cli.getCommandSpec().qualifiedName();
      for (String line : help.split("\n")) {
        assertTrue(line.length() <= HelpWrapping.WIDTH, name + ": a line of " + line.length() + ": " + line);
      }
      Set<String> shown = new HashSet<>(Arrays.asList(help.split("\\s+")));
      for (String word : words(cli)) {
        assertTrue(shown.contains(word), name + ": \"" + word + "\" is broken across lines in\n" + help);
      }
    }
  }

  @Test
  void aLongLineContinuesUnderItsColumn() {
    String row = "      --set=KEY=VALUE        override a config value, e.g. --set optimizer.lr=0.0025 and "
        + "latest.json/latest.optim (repeatable)";
    assertEquals("      --set=KEY=VALUE        override a config value, e.g. --set\n"
        + "                               optimizer.lr=0.0025 and latest.json/latest.optim\n"
        + "                               (repeatable)", HelpWrapping.wrap(row, 2));
  }

  /** The words of a command's description, its options' descriptions and its subcommands' summaries. */
  private static List<String> words(CommandLine cli) {
    List<String> text = new ArrayList<>(Arrays.asList(cli.getCommandSpec().usageMessage().description()));
    for (OptionSpec option : cli.getCommandSpec().options()) {
      text.addAll(Arrays.asList(option.renderedDescription()));
    }
    for (CommandLine sub : cli.getSubcommands().values()) {
      String[] summary = sub.getCommandSpec().usageMessage().description();
      if (summary.length > 0) {
        text.add(summary[0].split("%n")[0]);
      }
    }
    List<String> words = new ArrayList<>();
    for (String t : text) {
      words.addAll(Arrays.asList(t.replace("%n", " ").strip().split("\\s+")));
    }
    words.removeIf(String::isEmpty);
    return words;
  }

  private static void collect(CommandLine cli, List<CommandLine> all) {
    if (all.stream().noneMatch(c -> c.getCommandSpec() == cli.getCommandSpec())) {
      all.add(cli);
      cli.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
  }
}
