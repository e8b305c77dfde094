package org.cellarena.web.store;

import java.time.Instant;

/**
 * A submission as stored, with its latest scoring result ({@code score}, null before the first one).
 *
 * @param storedFile the stored file, relative to the server's data dir (for a model submission, the CSV its
 *     model produced; empty before)
 * @param model the model and its inference, for a model submission; null for a CSV one
 */
public record SubmissionRow(
    long id, String competition, long teamId, String teamName, String description, String fileName,
    String storedFile, long storedBytes, String sha256, Status status, String error, boolean finalPick,
    Instant createdAt, Instant startedAt, Instant finishedAt, ScoreRow score, ModelRun model) {

  /** The same submission with another result (see {@code LadderedScores}). */
  public SubmissionRow withScore(ScoreRow changed) {
    return new SubmissionRow(id, competition, teamId, teamName, description, fileName, storedFile, storedBytes,
        sha256, status, error, finalPick, createdAt, startedAt, finishedAt, changed, model);
  }

  /** The file's name as messages call it: the uploaded name, or "submission.csv" when it had none. */
  public String displayName() {
    return fileName == null || fileName.isBlank() ? "submission.csv" : fileName;
  }
}
