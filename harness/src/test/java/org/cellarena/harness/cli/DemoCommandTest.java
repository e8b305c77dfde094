package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo without the model: prepared once, served, the baseline scored and on the leaderboard; reused later. */
class DemoCommandTest {
  @TempDir Path data;

  @Test
  void endsWithTheBaselineOnTheLeaderboardAndReusesItsDataOnTheNextRun() throws Exception {
    String[] args = {"demo", "--port", "0", "--data-dir", data.toString(), "--train-minutes", "0", "--images", "10", "--exit"};
    CommandRun first = CommandRun.of(args);
    assertEquals(0, first.exitCode(), first.out() + first.err());
    assertTrue(first.out().contains("scored: public score"), first.out());
    assertTrue(first.out().matches("(?s).*\\n\\s+1\\s+baseline \\(classical\\)\\s+0\\.\\d{6}.*"), first.out());
    assertTrue(first.out().contains("/competitions/demo"), first.out());
    assertTrue(Files.exists(data.resolve("demo-teams.properties")));
    long filesAfterFirst = Files.list(data.resolve("submissions/demo")).count();

    CommandRun second = CommandRun.of(args);
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(second.out().contains("entries"), second.out());
    assertTrue(second.out().matches("(?s).*baseline \\(classical\\)\\s+0\\.\\d{6}\\s+\\[[^]]*\\]\\s+2\\s.*"),
        "the same team, now with two entries: " + second.out());
    assertEquals(filesAfterFirst + 1, Files.list(data.resolve("submissions/demo")).count());
  }
}
