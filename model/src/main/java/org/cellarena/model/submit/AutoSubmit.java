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
  public record Outcome(long id, Path file, boolean scored, double publicScore, String error) {}

  public static Outcome run(Path workDir, Path testImages, Path submissionsDir, String competition, URI server,
      String token, Boolean tta, PrintStream progress) throws IOException, InterruptedException, InvalidFileException {
    Files.createDirectories(submissionsDir);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path file = submissionsDir.resolve(competition.replaceAll("[^A-Za-z0-9_.-]", "_") + "-model-" + stamp + ".csv");
    FolderPrediction.Summary s = FolderPrediction.run(workDir, testImages, file, tta, progress);
    if (progress != null) {
      progress.printf("predicted %d test images (%d cells) into %s%n", s.images(), s.cells(), file);
    }
    ServerClient client = new ServerClient(server, token);
    JsonObject receipt = client.upload(competition, file, "cellarena train (model " + workDir.getFileName() + ")");
    long id = receipt.get("id").getAsLong();
    JsonObject result = client.await(id, Duration.ofMinutes(10), st -> {
      if (progress != null) {
        progress.println("  submission " + id + ": " + st.get("status").getAsString());
      }
    });
    boolean scored = "scored".equals(result.get("status").getAsString());
    double score = scored && result.has("public_score") && !result.get("public_score").isJsonNull()
        ? result.get("public_score").getAsDouble() : Double.NaN;
    String error = result.has("error") && !result.get("error").isJsonNull() ? result.get("error").getAsString() : null;
    return new Outcome(id, file, scored, score, error);
  }
}
