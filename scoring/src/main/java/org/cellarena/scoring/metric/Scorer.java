package org.cellarena.scoring.metric;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.cellarena.scoring.io.Deadline;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.rle.RunMask;

/** Scores a submission against a solution, images in parallel. */
public final class Scorer {
  /**
   * The metric's version, stored with every server-side result: bump it whenever a change could alter any score
   * or breakdown, so that a rescore keeps the old results beside the new ones.
   */
  public static final String VERSION = "sartorius-map/1";

  private Scorer() {}

  public static ScoreReport score(Solution solution, Submission submission) {
    return score(solution, submission, Deadline.after(Duration.ofDays(365)));
  }

  /**
   * Scores, giving up with a {@link TimeLimitException} once {@code deadline} has passed (checked before each
   * image: one image's cost is bounded by the {@link org.cellarena.scoring.io.SubmissionLimits} of its reading).
   */
  public static ScoreReport score(Solution solution, Submission submission, Deadline deadline) {
    List<SolutionImage> images = solution.images();
    List<ImageResult> results = IntStream.range(0, images.size()).parallel()
        .mapToObj(i -> {
          if (deadline.passed()) {
            throw new TimeLimitException("scoring took longer than " + deadline.describe()
                + " for reading and scoring one submission");
          }
          SolutionImage image = images.get(i);
          return ImageScorer.score(image.cells(), submission.masks(image.id()))
              .labelled(image.id(), image.cellType(), image.usage());
        })
        .toList();
    return new ScoreReport(results);
  }

  /** The metric on one image's cells and predictions. */
  public static ImageResult scoreImage(List<RunMask> truth, List<RunMask> predicted) {
    return ImageScorer.score(truth, predicted);
  }
}
