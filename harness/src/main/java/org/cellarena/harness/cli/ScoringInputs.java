package org.cellarena.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import picocli.CommandLine.Option;

/** The --solution and --submission options shared by {@code score} and {@code validate}, and their reading. */
final class ScoringInputs {
  @Option(names = "--solution", required = true, paramLabel = "FILE",
      description = "Ground truth in the train.csv layout: id, annotation, width, height, cell_type, "
          + "optional metadata and Usage columns.")
  Path solution;

  @Option(names = "--submission", required = true, paramLabel = "FILE",
      description = "Submission CSV (id,predicted), plain or .csv.gz.")
  Path submission;

  Solution readSolution() throws IOException, InvalidFileException {
    return SolutionReader.read(solution);
  }

  Submission readSubmission(Solution truth) throws IOException, InvalidFileException {
    return new SubmissionReader(truth).read(submission);
  }
}
