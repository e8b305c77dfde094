package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Reader;
import java.io.Writer;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo without the model: prepared once, served, the baseline scored and on the leaderboard; reused later, its
 * token file repaired when an old run left a token starting with '-' or lost one.
 */
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
    // as an old run left it: the baseline's token starting with '-', the model team's token lost
    Path tokenFile = data.resolve("demo-teams.properties");
    Properties old = new Properties();
    try (Reader in = Files.newBufferedReader(tokenFile)) {
      old.load(in);
    }
    old.setProperty("baseline (classical)", "-VEqI2B" + old.getProperty("baseline (classical)"));
    old.remove("mask-rcnn (tiny cpu)");
    try (Writer w = Files.newBufferedWriter(tokenFile)) {
      old.store(w, null);
    }

    CommandRun second = CommandRun.of(args);
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(second.out().contains("entries"), second.out());
    assertTrue(second.out().matches("(?s).*baseline \\(classical\\)\\s+0\\.\\d{6}\\s+\\[[^]]*\\]\\s+2\\s.*"),
        "the same team, now with two entries: " + second.out());
    assertEquals(filesAfterFirst + 1, Files.list(data.resolve("submissions/demo")).count());
    Properties repaired = new Properties();
    try (Reader in = Files.newBufferedReader(tokenFile)) {
      repaired.load(in);
    }
    assertEquals(2, repaired.size(), "both teams have a token again: " + repaired.keySet());
    repaired.values().forEach(t -> assertTrue(!t.toString().startsWith("-"), "repaired token " + t));
    assertTrue(second.out().contains("new token for the team \"mask-rcnn (tiny cpu)\""), second.out());
  }
}
