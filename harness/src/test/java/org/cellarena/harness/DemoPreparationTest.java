package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.cellarena.harness.demo.DemoPreparation;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.SubmissionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPreparationTest {
  @Test
  void preparesOnceThenReuses(@TempDir Path dir) throws Exception {
    PrintStream out = System.out;
    DemoPreparation.Prepared first = new DemoPreparation(dir, 6, 4).prepare(out);
    assertFalse(first.reused());
    assertTrue(Files.isRegularFile(first.competition().resolve("competition.json")));
    assertTrue(Files.isRegularFile(first.bundle().resolve("train.csv")));
    Solution solution = SolutionReader.read(first.competition().resolve("solution.csv"));
    new SubmissionReader(solution).read(first.baselineSubmission());
    String csvBefore = Files.readString(first.baselineSubmission());
    JsonObject model = new JsonObject(Files.readString(first.modelCompetition().resolve("competition.json")));
    assertEquals("model", model.getString("kind"));
    assertEquals(model.getJsonArray("sample_test").size(),
        Dataset.pngIds(first.modelCompetition().resolve("participant").resolve("test")).size(),
        "the model competition hands out its sample test images only");
    assertEquals(solution.ids(), new HashSet<>(Dataset.pngIds(first.modelCompetition().resolve("test"))),
        "the same held-out images as the csv competition");

    DemoPreparation.Prepared second = new DemoPreparation(dir, 6, 4).prepare(out);
    assertTrue(second.reused());
    assertEquals(first.competition(), second.competition());
    assertEquals(csvBefore, Files.readString(second.baselineSubmission()));
  }
}
