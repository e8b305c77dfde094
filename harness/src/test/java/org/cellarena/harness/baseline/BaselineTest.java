package org.cellarena.harness.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cellarena.harness.GeneratedData;
import org.cellarena.harness.SharedData;
import org.cellarena.harness.dataset.PngImages;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

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
    assertTrue(report.score() > 0.15, "baseline score " + report.score());
    assertTrue(report.cellTypeScores().get("shsy5y") > 0 && report.cellTypeScores().get("cort") > 0,
        "finds shsy5y and cort cells: " + report.cellTypeScores());
  }

  /**
   * The one labelled Sartorius image whose pixels are in ../shared (shsy5y, 105 cells): the baseline tuned on
   * generated images alone scored 0.060 there; with its cell type known and chosen automatically alike it must
   * clear 0.07. The image took no part in choosing the settings.
   */
  @Test
  void holdsOnTheRealSartoriusImage() throws Exception {
    Path sample = SharedData.require("data/sartorius-sample");
    SolutionImage image = SolutionReader.read(sample.resolve("train_sample.csv")).image("0f08d640930b");
    Mat gray = PngImages.read8Bit(sample.resolve("train/0f08d640930b.png"));

    double known = Scorer.scoreImage(image.cells(), CellTypeSettings.segment(gray, image.cellType())).score();
    double automatic = Scorer.scoreImage(image.cells(), CellTypeSettings.automatic(gray)).score();
    System.out.printf("baseline on the real Sartorius image: %.4f (cell type known), %.4f (automatic)%n", known,
        automatic);
    assertTrue(known > 0.07, "cell type known: " + known);
    assertTrue(automatic > 0.07, "automatic choice: " + automatic);
  }
}
