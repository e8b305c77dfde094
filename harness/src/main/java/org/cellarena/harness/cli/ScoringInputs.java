package org.cellarena.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.ScoringFiles;
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

  /** Both files, read at once on two threads, the submission validated against the solution. */
  ScoringFiles read() throws IOException, InvalidFileException {
    return ScoringFiles.read(solution, submission);
  }
}
