package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo's echoed commands: quoted and wrapped so that a shell reads back the same words. */
class ShellWordsTest {
  private static final List<String> WORDS = List.of("./cellarena", "submit", "--server", "http://127.0.0.1:8080",
      "--file", "data/demo-baseline.csv", "--description", "classical baseline (OpenCV watershed)", "--note", "it's",
      "--empty", "", "--glob", "*.csv", "--dollar", "$HOME", "--wait");

  @Test
  void quotesOnlyWhatAShellWouldReadOtherwise() {
    assertEquals("data/demo-baseline.csv", ShellWords.quote("data/demo-baseline.csv"));
    assertEquals("http://127.0.0.1:8080", ShellWords.quote("http://127.0.0.1:8080"));
    assertEquals("'classical baseline (OpenCV watershed)'", ShellWords.quote("classical baseline (OpenCV watershed)"));
    assertEquals("'it'\\''s'", ShellWords.quote("it's"));
    assertEquals("''", ShellWords.quote(""));
  }

  @Test
  void wrapsBeforeAnOptionAndEndsEachLineButTheLastWithABackslash() {
    List<String> lines = ShellWords.lines(WORDS.stream().map(ShellWords::quote).toList(), 40);
    assertTrue(lines.size() > 2, lines.toString());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(i < lines.size() - 1, lines.get(i).endsWith(" \\"), lines.get(i));
      assertEquals(i > 0, lines.get(i).startsWith("    --"), lines.get(i));
    }
    assertEquals(List.of("a --b c"), ShellWords.lines(List.of("a", "--b", "c"), 80));
  }

  @Test
  void aShellReadsBackTheSameWords() throws Exception {
    Path sh = Path.of("/bin/sh");
    assumeTrue(Files.isExecutable(sh), "a POSIX shell");
    List<String> quoted = new ArrayList<>(List.of("printf", "'%s\\n'"));
    quoted.addAll(WORDS.stream().map(ShellWords::quote).toList());
    String script = String.join("\n", ShellWords.lines(quoted, 40));
    Process p = new ProcessBuilder(sh.toString(), "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(String.join("\n", WORDS) + "\n", out);
  }
}
