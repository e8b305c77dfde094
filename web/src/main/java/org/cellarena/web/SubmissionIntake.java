package org.cellarena.web;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cellarena.web.board.DailyQuota;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.files.StagedUpload;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.Team;

/**
 * Accepts an upload: checks the deadline and the daily limit, stores the file, commits the row and queues it.
 * When {@link #accept} returns, the submission survives anything, a kill -9 included.
 */
public final class SubmissionIntake {
  private static final int MAX_DESCRIPTION = 1000;

  private final Submissions submissions;
  private final SubmissionFiles files;
  private final DailyQuota quota;
  private final ScoringQueue queue;
  private final Map<String, Object> teamLocks = new ConcurrentHashMap<>();

  public SubmissionIntake(Submissions submissions, SubmissionFiles files, DailyQuota quota, ScoringQueue queue) {
    this.submissions = submissions;
    this.files = files;
    this.quota = quota;
    this.queue = queue;
  }

  /**
   * Stores and queues a submission (blocking).
   *
   * @param upload the body: a plain or gzip CSV
   * @param fileName the uploaded file's name, or null
   * @return the new submission's id
   */
  public long accept(Competition competition, Team team, InputStream upload, String fileName, String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw Refusal.badRequest("the description is longer than " + MAX_DESCRIPTION + " characters");
    }
    admit(competition, team);
    StagedUpload staged = files.stage(competition.id(), upload);
    long id;
    try {
      // one upload at a time per team and competition, so that two racing uploads cannot both take the last slot
      synchronized (teamLocks.computeIfAbsent(competition.id() + "/" + team.id(), k -> new Object())) {
        quota.check(competition, team.id(), Instant.now());
        id = submissions.add(competition.id(), team.id(), blankToNull(description), blankToNull(fileName),
            staged.storedBytes(), staged.sha256(), sid -> files.place(staged, competition.id(), sid));
      }
    } catch (RuntimeException e) {
      files.discard(staged);
      throw e;
    }
    queue.enqueue(id);
    return id;
  }

  /**
   * Refuses (403 after the deadline, 429 over the daily limit) an upload that {@link #accept} would refuse
   * anyway, so that the server can answer before it reads the body (blocking: it queries the database).
   * {@link #accept} checks again, the daily limit under the team's lock: that check is the authoritative one.
   */
  public void admit(Competition competition, Team team) {
    Instant now = Instant.now();
    if (competition.isClosed(now)) {
      throw new Refusal(403, "the competition closed for submissions at " + competition.deadline());
    }
    quota.check(competition, team.id(), now);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
