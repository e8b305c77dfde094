package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher registers only the command it runs, and that command reads the same as in the full list. */
class CellArenaTest {
  @Test
  void aKnownCommandGetsOnlyItself() {
    assertEquals(Set.of("score"), CellArena.commandLine("score").getSubcommands().keySet());
    assertEquals(CellArena.COMMANDS.size(), CellArena.commandLine("--help").getSubcommands().size());
    assertEquals(CellArena.COMMANDS.size(), CellArena.commandLine("help").getSubcommands().size());
    assertEquals(CellArena.COMMANDS.size(), CellArena.commandLine("scor").getSubcommands().size());
  }

  @Test
  void theCommandListIsTheSame() {
    for (String first : List.of("--help", "-h", "scor")) {
      assertEquals(CellArena.commandLine().getUsageMessage(), CellArena.commandLine(first).getUsageMessage());
    }
  }

  @Test
  void itsHelpIsTheSame() {
    for (String name : List.of("score", "serve", "train")) {
      CommandLine alone = CellArena.commandLine(name).getSubcommands().get(name);
      CommandLine inFull = CellArena.commandLine().getSubcommands().get(name);
      assertEquals(inFull.getUsageMessage(), alone.getUsageMessage());
    }
  }
}
