package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo without the model: prepared once (the model competition beside the csv one), served, the baseline
 * scored and on the leaderboard; reused later, its token file (owner-only) repaired when an old run left a token
 * starting with '-' or lost one, the admin token kept in it and still the server's on the next run.
 */
@Tag("slow")
class DemoCommandTest {
  @TempDir Path data;

  @Test
  void endsWithTheBaselineOnTheLeaderboardAndReusesItsDataOnTheNextRun() throws Exception {
    String[] args = {"demo", "--port", "0", "--data-dir", data.toString(), "--train-iterations", "0", "--images", "10",
        "--exit"};
    CommandRun first = CommandRun.of(args);
    assertEquals(0, first.exitCode(), first.out() + first.err());
    assertTrue(first.out().contains("submission 1: scored, public score 0."), first.out());
    assertTrue(first.out().matches("(?s).*\\n\\s+1\\s+baseline \\(classical\\)\\s+0\\.\\d{4}\\s.*"), first.out());
    assertTrue(first.out().matches("(?s).*Leaderboard:  http://[^\\n]*/competitions/demo\\n"
        + "Leaderboard:  http://[^\\n]*/competitions/demo-model\\n.*"), "both boards: " + first.out());
    assertTrue(first.out().contains(" --description 'classical baseline (OpenCV watershed)' --wait\n"), first.out());
    assertTrue(first.out().contains(" --token *** "), first.out());
    Path tokenFile = data.resolve("demo-teams.properties");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
    }
    Properties old = load(tokenFile);
    String admin = old.getProperty("admin");
    assertTrue(first.out().contains("Admin token:  " + admin + " (for http"), first.out());
    long filesAfterFirst = Files.list(data.resolve("submissions/demo")).count();
    // as an old run left it: the baseline's token starting with '-', the model team's token lost
    old.setProperty("baseline (classical)", "-VEqI2B" + old.getProperty("baseline (classical)"));
    old.remove("mask-rcnn (tiny cpu)");
    try (Writer w = Files.newBufferedWriter(tokenFile)) {
      old.store(w, null);
    }

    CommandRun second = CommandRun.of(args);
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(second.out().contains("entries"), second.out());
    assertTrue(second.out().matches("(?s).*baseline \\(classical\\)\\s+0\\.\\d{4}\\s+\\[[^]]*\\]\\s+2\\s.*"),
        "the same team, now with two entries: " + second.out());
    assertEquals(filesAfterFirst + 1, Files.list(data.resolve("submissions/demo")).count());
    Properties repaired = load(tokenFile);
    assertEquals(3, repaired.size(), "both teams and the admin have a token again: " + repaired.keySet());
    repaired.values().forEach(t -> assertTrue(!t.toString().startsWith("-"), "repaired token " + t));
    assertTrue(second.out().contains("new token for the team \"mask-rcnn (tiny cpu)\""), second.out());
    assertEquals(admin, repaired.getProperty("admin"), "the admin token is kept");
    assertTrue(second.out().contains("the admin token is kept in " + tokenFile), second.out());
    assertTrue(second.out().contains("Admin token:  " + admin), second.out());
    assertFalse(second.out().contains("shown this once"), second.out());
  }

  @Test
  void refusesANegativeOrEndlessTrainingCapBeforeDoingAnything() {
    for (String minutes : new String[] {"-1", "Infinity", "NaN"}) {
      CommandRun run = CommandRun.of("demo", "--port", "0", "--data-dir", data.toString(), "--train-minutes", minutes);
      assertEquals(2, run.exitCode(), minutes + ": " + run.err());
      assertTrue(run.err().contains("--train-minutes >= 0"), run.err());
      assertFalse(run.err().contains("Exception"), run.err());
    }
    assertFalse(Files.exists(data.resolve("demo-dataset")), "nothing generated");
  }

  private static Properties load(Path file) throws Exception {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }
}
