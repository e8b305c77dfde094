package org.cellarena.web.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.metric.Scorer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The shipped example is exactly what the generator makes, and it is a usable competition. */
class ExampleCompetitionTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void shippedFilesMatchTheGenerator() throws Exception {
    ExampleCompetition.Files3 generated = ExampleCompetition.generate();
    Path dir = EXAMPLES.resolve("competitions/example");
    assertEquals(generated.competitionJson(), Files.readString(dir.resolve("competition.json")));
    assertEquals(generated.solutionCsv(), Files.readString(dir.resolve("solution.csv")),
        "regenerate examples/ with ExampleCompetition.main");
    assertEquals(generated.submissionCsv(), Files.readString(EXAMPLES.resolve("submissions/example.csv")));
    for (var picture : generated.testImages().entrySet()) {
      BufferedImage shipped = ImageIO.read(dir.resolve("test/" + picture.getKey() + ".png").toFile());
      assertArrayEquals(pixels(picture.getValue()), pixels(shipped), picture.getKey());
    }
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
  }

  @Test
  void theExampleSubmissionIsValidAndScoresBetweenZeroAndOne() throws Exception {
    Solution solution = SolutionReader.read(EXAMPLES.resolve("competitions/example/solution.csv"));
    assertEquals(6, solution.size());
    assertEquals(2, solution.images().stream().filter(i -> i.usage() == Usage.PRIVATE).count());
    Submission submission = new SubmissionReader(solution).read(EXAMPLES.resolve("submissions/example.csv"));
    double score = Scorer.score(solution, submission).score();
    assertTrue(score > 0.2 && score < 0.95, "a fair submission, not a perfect one: " + score);
  }
}
