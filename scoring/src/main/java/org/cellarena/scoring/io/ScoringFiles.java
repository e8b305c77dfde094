package org.cellarena.scoring.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A solution and a submission read at once, on two threads: the solution on a second one, the submission on the
 * caller's, checked against each solution image as soon as it is met. The outcome is the one of reading them one
 * after the other: the solution's problems first, then the submission's.
 */
public record ScoringFiles(Solution solution, Submission submission) {

  public static ScoringFiles read(Path solutionFile, Path submissionFile) throws IOException, InvalidFileException {
    SolutionInProgress progress = new SolutionInProgress();
    FutureTask<Solution> solutionTask = new FutureTask<>(() -> {
      Solution solution = null;
      try (InputStream in = Files.newInputStream(solutionFile)) {
        solution = SolutionReader.read(in, solutionFile.toString(), progress);
        return solution;
      } finally {
        progress.done(solution);
      }
    });
    Thread solutionThread = new Thread(solutionTask, "solution-reader");
    solutionThread.setDaemon(true);
    solutionThread.start();

    Submission submission = null;
    Exception submissionFailure = null;
    try {
      submission = new SubmissionReader(progress, SubmissionLimits.NONE, Problems.DEFAULT_LIMIT).read(submissionFile);
    } catch (IOException | InvalidFileException | RuntimeException e) {
      submissionFailure = e;
    }
    Solution solution = solutionOf(solutionTask);
    if (submissionFailure instanceof IOException e) {
      throw e;
    } else if (submissionFailure instanceof InvalidFileException e) {
      throw e;
    } else if (submissionFailure instanceof RuntimeException e) {
      throw e;
    }
    return new ScoringFiles(solution, submission);
  }

  private static Solution solutionOf(FutureTask<Solution> task) throws IOException, InvalidFileException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading the solution");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      } else if (cause instanceof InvalidFileException invalid) {
        throw invalid;
      } else if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) cause;
    }
  }
}
