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
import org.cellarena.model.archive.ModelArchive;
import org.cellarena.model.archive.ModelArchiveException;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.scoring.io.InvalidFileException;

/**
 * Train-then-submit: predicts the test images with the best checkpoint of a work dir (or, in a {@code model}
 * competition, packs that checkpoint into a model archive), keeps the submission under the submissions dir,
 * uploads it and waits for the public score.
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

  /**
   * Submits the work dir's model: in a {@code model} competition its archive (the server predicts the hidden test
   * images), otherwise the CSV of {@code testImages} predicted here.
   */
  public static Outcome run(Path workDir, Path testImages, Path submissionsDir, String competition, URI server,
      String token, Boolean tta, PrintStream progress) throws IOException, InterruptedException, InvalidFileException {
    Files.createDirectories(submissionsDir);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String name = competition.replaceAll("[^A-Za-z0-9_.-]", "_") + "-model-" + stamp;
    ServerClient client = new ServerClient(server, token);
    String description = "cellarena train (model " + workDir.getFileName() + ")";
    JsonObject receipt;
    Duration patience = Duration.ofMinutes(10);
    Path file;
    if ("model".equals(client.competitionKind(competition))) {
      file = submissionsDir.resolve(name + ".zip");
      try {
        ModelArchive.pack(workDir, file);
      } catch (ModelArchiveException e) {
        throw new IllegalArgumentException("cannot pack the model of " + workDir + ": " + e.getMessage());
      }
      print(progress, "packed the model of " + workDir + " into " + file + " (the server predicts the test images)");
      receipt = client.submitModel(competition, file, description);
      patience = Duration.ofMinutes(90); // queued behind other teams' inferences, each up to its time limit
    } else {
      file = submissionsDir.resolve(name + ".csv");
      FolderPrediction.Summary s = FolderPrediction.run(workDir, testImages, file, tta, progress);
      print(progress, "predicted " + s.images() + " test images (" + s.cells() + " cells) into " + file);
      receipt = client.upload(competition, file, description);
    }
    long id = receipt.get("id").getAsLong();
    JsonObject result = client.await(id, patience, SubmissionLines.progress(id, line -> print(progress, line)));
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
