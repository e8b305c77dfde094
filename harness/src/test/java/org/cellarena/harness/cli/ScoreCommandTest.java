package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path solution() throws Exception {
    return write("solution.csv", """
        id,annotation,width,height,cell_type,Usage
        a,1 3 11 3,10,4,cort,Public
        a,25 4,10,4,cort,Public
        b,1 2,10,4,astro,Private
        """);
  }

  @Test
  void printsPublicPrivateAndOverallLabelledWithTenDecimals() throws Exception {
    Path sub = write("sub.csv", "id,predicted\na,1 3 11 3\nb,\n");
    CommandRun run = CommandRun.of("score", "--solution", solution().toString(), "--submission", sub.toString());
    assertEquals(0, run.exitCode(), run.err());
    // image a (Public): 1 TP, 1 FN at every threshold -> 0.5; image b (Private): 0 -> mean 0.25
    assertEquals(List.of(
        "Public   0.5000000000  (1 image)",
        "Private  0.0000000000  (1 image)",
        "overall  0.2500000000  (2 images, Public and Private together)"), run.out().lines().toList());
  }

  @Test
  void feedbackImagesGetTheirOwnLineAndCountInOverallOnly() throws Exception {
    Path solution = write("three.csv", """
        id,annotation,width,height,cell_type,Usage
        a,1 3 11 3,10,4,cort,Public
        a,25 4,10,4,cort,Public
        b,1 2,10,4,astro,Private
        c,1 2,10,4,astro,Feedback
        """);
    Path sub = write("sub.csv", "id,predicted\na,1 3 11 3\nb,\nc,1 2\n");
    CommandRun run = CommandRun.of("score", "--solution", solution.toString(), "--submission", sub.toString());
    assertEquals(0, run.exitCode(), run.err());
    // a: 0.5, b: 0, c: 1 -> overall (0.5 + 0 + 1) / 3
    assertEquals(List.of(
        "Public   0.5000000000  (1 image)",
        "Private  0.0000000000  (1 image)",
        "Feedback 1.0000000000  (1 image)",
        "overall  0.5000000000  (3 images, Public, Private and Feedback together)"), run.out().lines().toList());
  }

  @Test
  void withoutUsageEveryImageIsPublic() throws Exception {
    Path solution = write("plain.csv", "id,annotation,width,height,cell_type\na,1 3,10,4,cort\n");
    Path sub = write("sub.csv", "id,predicted\na,1 3\n");
    CommandRun run = CommandRun.of("score", "--solution", solution.toString(), "--submission", sub.toString());
    assertEquals(List.of("Public   1.0000000000  (1 image)", "overall  1.0000000000  (1 image)"),
        run.out().lines().toList());
  }

  @Test
  void jsonHasTheBreakdownAndPerImageFileIsWritten() throws Exception {
    Path sub = write("sub.csv", "id,predicted\na,1 3 11 3\nb,1 2\n");
    Path perImage = dir.resolve("per-image.csv");
    CommandRun run = CommandRun.of("score", "--solution", solution().toString(), "--submission", sub.toString(),
        "--json", "--per-image", perImage.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonObject json = new JsonObject(run.out());
    assertEquals(0.75, json.getDouble("score"), 1e-12);
    assertEquals(2, json.getJsonArray("ci95").size());
    assertEquals(1.0, json.getJsonObject("cell_types").getDouble("astro"));
    JsonObject a = json.getJsonArray("images").getJsonObject(0);
    assertEquals("a", a.getString("id"));
    assertEquals(10, a.getJsonArray("tp").size());
    assertEquals(1, a.getInteger("missed"));
    List<String> lines = Files.readAllLines(perImage);
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("id,cell_type,usage,score,cells,predictions,tp@0.50"));
    assertTrue(lines.get(1).startsWith("a,cort,Public,0.5000000000,2,1,1,"));
  }

  @Test
  void invalidSubmissionExitsTwoWithLineLevelProblemsAndNoStackTrace() throws Exception {
    Path sub = write("sub.csv", "id,predicted\na,1 3 2 3\nzzz,1 1\n");
    CommandRun run = CommandRun.of("score", "--solution", solution().toString(), "--submission", sub.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("line 2, image a: predicted: run 2 (start 2, length 3): runs must be ascending"), run.err());
    assertTrue(run.err().contains("line 3, image zzz: unknown image id"), run.err());
    assertTrue(run.err().contains("1 of the solution's 2 images are absent"), run.err());
    assertFalse(run.err().contains("at org."), "no stack trace: " + run.err());
  }

  @Test
  void missingFileExitsTwoWithItsName() throws Exception {
    CommandRun run = CommandRun.of("validate", "--solution", solution().toString(), "--submission", "nope.csv");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no such file: nope.csv"), run.err());
  }

  @Test
  void validateSummarisesAValidFile() throws Exception {
    Path sub = write("sub.csv", "id,predicted\na,1 3\nb,\n");
    CommandRun run = CommandRun.of("validate", "--solution", solution().toString(), "--submission", sub.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("valid: sub.csv: 1 predicted cells on 2 images"), run.out());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : CellArena.commandLine().getSubcommands().keySet()) {
      if (command.equals("help")) {
        continue;
      }
      CommandRun run = CommandRun.of(command, "--help");
      assertEquals(0, run.exitCode(), command);
      assertTrue(run.out().contains("Usage: cellarena " + command), command + ": " + run.out());
    }
  }
}
