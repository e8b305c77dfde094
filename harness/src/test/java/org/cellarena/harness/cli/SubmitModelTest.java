package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit --model}: what it refuses before it packs or sends anything (no server is needed for that). */
class SubmitModelTest {
  private static final String[] SUBMIT = {"submit", "--server", "http://127.0.0.1:9", "--competition", "cells",
      "--token", "team-token"};

  @Test
  void aMissingWorkDirIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-work-dir");
    CommandRun run = CommandRun.of(with("--model", missing.toString()));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--model: " + missing + " does not exist (give a training work dir or one of its "
        + ".params files)"), run.err());
  }

  @Test
  void aFolderWithoutACheckpointIsNamed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "not a work dir");
    CommandRun run = CommandRun.of(with("--model", dir.toString()));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--model " + dir + ": "), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aFileOrAModelNeverBoth(@TempDir Path dir) {
    CommandRun both = CommandRun.of(with("--model", dir.toString(), "--file", dir.resolve("x.csv").toString()));
    assertEquals(2, both.exitCode());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    CommandRun neither = CommandRun.of(SUBMIT);
    assertEquals(2, neither.exitCode());
    assertTrue(neither.err().contains("Missing required argument"), neither.err());
  }

  private static String[] with(String... more) {
    String[] args = new String[SUBMIT.length + more.length];
    System.arraycopy(SUBMIT, 0, args, 0, SUBMIT.length);
    System.arraycopy(more, 0, args, SUBMIT.length, more.length);
    return args;
  }
}
