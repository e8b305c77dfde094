package org.cellarena.harness.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cellarena.harness.GeneratedData;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @Test
  void scoresAboveZeroOnGeneratedDataWithAValidSubmission(@TempDir Path dir) throws Exception {
    Path data = GeneratedData.dataset();
    Path out = dir.resolve("baseline.csv");
    Map<String, List<RunMask>> masks = Baseline.run(data.resolve(Dataset.TRAIN_DIR), out, System.out);

    for (List<RunMask> image : masks.values()) {
      for (int a = 0; a < image.size(); a++) {
        for (int b = a + 1; b < image.size(); b++) {
          assertEquals(0, image.get(a).intersectionArea(image.get(b)), "baseline masks never overlap");
        }
      }
    }
    Solution truth = SolutionReader.read(data.resolve(Dataset.TRAIN_CSV));
    Submission submission = new SubmissionReader(truth).read(out);
    ScoreReport report = Scorer.score(truth, submission);
    System.out.printf("baseline on %d generated images: %.4f %s%n", truth.size(), report.score(),
        report.cellTypeScores());
    assertTrue(report.score() > 0.05, "baseline score " + report.score());
    assertTrue(report.cellTypeScores().get("shsy5y") > 0 && report.cellTypeScores().get("cort") > 0,
        "finds shsy5y and cort cells: " + report.cellTypeScores());
  }
}
