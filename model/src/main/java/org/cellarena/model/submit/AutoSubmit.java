package org.cellarena.model.submit;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.scoring.io.InvalidFileException;

/**
 * Train-then-submit: predicts the test images with the best checkpoint of a work dir, keeps the submission under
 * the submissions dir, uploads it and waits for the public score.
 */
public final class AutoSubmit {
  private AutoSubmit() {}

  /** Where the submission went and how it ended. */
  public record Outcome(long id, Path file, boolean scored, double publicScore, String error) {
    /** "submission 3: scored, public score 0.2264", or "submission 3: failed: ...", as {@code submit} says it. */
    public String line() {
      return scored ? SubmissionLines.scored(id, publicScore) : SubmissionLines.failed(id, error);
    }
  }

  public static Outcome run(Path workDir, Path testImages, Path submissionsDir, String competition, URI server,
      String token, Boolean tta, PrintStream progress) throws IOException, InterruptedException, InvalidFileException {
    Files.createDirectories(submissionsDir);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path file = submissionsDir.resolve(competition.replaceAll("[^A-Za-z0-9_.-]", "_") + "-model-" + stamp + ".csv");
    FolderPrediction.Summary s = FolderPrediction.run(workDir, testImages, file, tta, progress);
    print(progress, "predicted " + s.images() + " test images (" + s.cells() + " cells) into " + file);
    ServerClient client = new ServerClient(server, token);
    JsonObject receipt = client.upload(competition, file, "cellarena train (model " + workDir.getFileName() + ")");
    long id = receipt.get("id").getAsLong();
    JsonObject result = client.await(id, Duration.ofMinutes(10),
        SubmissionLines.progress(id, line -> print(progress, line)));
    boolean scored = "scored".equals(SubmissionLines.text(result, "status"));
    String score = SubmissionLines.text(result, "public_score");
    return new Outcome(id, file, scored, scored && score != null ? Double.parseDouble(score) : Double.NaN,
        SubmissionLines.text(result, "error"));
  }

  private static void print(PrintStream progress, String line) {
    if (progress != null) {
      progress.println(line);
    }
  }
}
