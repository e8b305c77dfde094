package org.cellarena.web.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.cellarena.web.board.DailyQuota;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.files.StagedUpload;
import org.cellarena.web.files.StagingSlots;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.AuditLog;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.Team;

/**
 * Accepts an upload: checks its name and description, the deadline, the reveal and the daily limits, stores the
 * file, commits the row and queues it. When {@link #accept} returns, the submission survives anything, a kill -9
 * included.
 */
public final class SubmissionIntake {
  public static final int MAX_DESCRIPTION = 1000;
  public static final int MAX_FILE_NAME = 300;
  /** Uploads decompressed and stored at once, in all. */
  private static final int STAGING_SLOTS = 3;
  private static final long STAGING_WAIT_MILLIS = 10_000;

  private final Submissions submissions;
  private final SubmissionFiles files;
  private final DailyQuota quota;
  private final Reveals reveals;
  private final ScoringQueue queue;
  private final AuditLog audit;
  private final StagingSlots staging = new StagingSlots(STAGING_SLOTS, STAGING_WAIT_MILLIS);
  private final Map<String, Object> teamLocks = new ConcurrentHashMap<>();

  private final MeterRegistry metrics;
  private final ToIntFunction<Refusal.Reason> statusCodes;

  /**
   * @param statusCodes the status code the API answers each refusal with, which the audit log records of a
   *     refused upload
   */
  public SubmissionIntake(Submissions submissions, SubmissionFiles files, DailyQuota quota, Reveals reveals,
      ScoringQueue queue, AuditLog audit, MeterRegistry metrics, ToIntFunction<Refusal.Reason> statusCodes) {
    this.statusCodes = statusCodes;
    this.submissions = submissions;
    this.files = files;
    this.quota = quota;
    this.reveals = reveals;
    this.queue = queue;
    this.audit = audit;
    this.metrics = metrics;
  }

  /**
   * Stores and queues a submission (blocking).
   *
   * @param upload the body: a plain or gzip CSV
   * @param fileName the uploaded file's name, or null
   * @return the new submission's id
   */
  public long accept(Competition competition, Team team, InputStream upload, String fileName, String description) {
    checkTexts(fileName, description);
    admit(competition, team);
    StagedUpload staged;
    try (StagingSlots.Slot slot = staging.take(team.id())) {
      staged = stage(competition, team, upload, fileName);
    }
    long id;
    try {
      // one upload at a time per team and competition, so that two racing uploads cannot both take the last slot:
      // in this process by this lock, across server nodes by the team's row lock that add() checks under
      synchronized (teamLock(competition, team)) {
        id = submissions.add(competition.id(), team.id(), blankToNull(description), blankToNull(fileName),
            staged.storedBytes(), staged.sha256(), () -> admit(competition, team),
            sid -> files.place(staged, competition.id(), sid));
      }
    } catch (RuntimeException e) {
      files.discard(staged);
      throw e;
    }
    queue.enqueue(id, team.id());
    Counter.builder("cellarena.uploads").description("Submissions accepted by this node")
        .tag("competition", competition.id()).register(metrics).increment();
    return id;
  }

  /** The lock under which one upload of the team to the competition is counted and committed at a time. */
  Object teamLock(Competition competition, Team team) {
    return teamLocks.computeIfAbsent(competition.id() + "/" + team.id(), k -> new Object());
  }

  /**
   * Stages the upload; one refused while it is read (a bomb, a corrupt gzip, an empty body) is recorded in the
   * audit log, where it counts against the team's attempts ({@link org.cellarena.web.store.Quotas#countAttempts}).
   */
  private StagedUpload stage(Competition competition, Team team, InputStream upload, String fileName) {
    try {
      return files.stage(competition.id(), upload);
    } catch (Refusal e) {
      if (e.reason() != Refusal.Reason.NO_SPACE) { // a full disk is not the team's doing
        audit.record(Submissions.teamActor(team.id()), Submissions.REFUSED_UPLOAD, competition.id(),
            new io.vertx.core.json.JsonObject().put("status", statusCodes.applyAsInt(e.reason()))
                .put("error", e.getMessage())
                .put("file_name", fileName));
      }
      throw e;
    }
  }

  /** Refuses (400) a file name or description that is too long; cheap, so it comes before the body is read. */
  public static void checkTexts(String fileName, String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw Refusal.badRequest("the description is longer than " + MAX_DESCRIPTION + " characters ("
          + description.length() + ")");
    }
    if (fileName != null && fileName.length() > MAX_FILE_NAME) {
      throw Refusal.badRequest("the file name is longer than " + MAX_FILE_NAME + " characters ("
          + fileName.length() + "); rename the file");
    }
  }

  /**
   * Refuses (507 when the disk is nearly full, 403 after the deadline or the reveal, 429 over the daily limits)
   * an upload that {@link #accept}
   * would refuse anyway, so that the server can answer before it reads the body (blocking: it queries the
   * database). {@link #accept} checks again before decompressing and under the team's lock: that last check is
   * the authoritative one.
   */
  public void admit(Competition competition, Team team) {
    files.space().check();
    if (team.disabled()) {
      throw Refusal.forbidden("your team is disabled by the host: its uploads are refused; ask the host why");
    }
    Instant now = Instant.now();
    if (competition.isPastDeadline(now)) {
      throw Refusal.forbidden("the competition closed for submissions at its deadline, " + competition.deadline());
    }
    Instant revealed = reveals.revealedAt(competition.id()).orElse(null);
    if (revealed != null) {
      throw Refusal.forbidden("the competition closed for submissions when its private leaderboard was revealed, at "
          + revealed);
    }
    quota.check(competition, team.id(), now);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
