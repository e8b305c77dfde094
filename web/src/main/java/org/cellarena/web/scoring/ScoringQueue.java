package org.cellarena.web.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.scoring.io.Deadline;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Problem;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.metric.TimeLimitException;
import org.cellarena.web.Refusal;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Submissions;

/**
 * Scores queued submissions on a fixed number of worker threads, in the {@link FairQueue}'s order, each within
 * its competition's {@link org.cellarena.scoring.io.SubmissionLimits}. The database is the queue of record; this class keeps the waiting
 * ids in memory so that a worker need not poll. On start it takes back whatever a stopped (or killed) server left
 * queued or half-scored.
 */
public final class ScoringQueue implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ScoringQueue.class.getName());

  private final Submissions submissions;
  private final SubmissionFiles files;
  private final Competitions competitions;
  private final int workerCount;
  private final StatusListener onStatusChange;
  private final String scorerVersion = Scorer.VERSION;
  /** The longest failure reason stored: a team reads it on every status call. */
  static final int MAX_REASON = 8 * 1024;

  private final FairQueue waiting = new FairQueue();
  /** The submissions being scored and the worker scoring each. */
  private final Map<Long, String> scoring = new ConcurrentHashMap<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  /**
   * @param onStatusChange told each time a submission's status changes (on a worker thread)
   */
  public ScoringQueue(Submissions submissions, SubmissionFiles files, Competitions competitions, int workerCount,
      StatusListener onStatusChange) {
    this.submissions = submissions;
    this.files = files;
    this.competitions = competitions;
    this.workerCount = workerCount;
    this.onStatusChange = onStatusChange;
  }

  /** Requeues interrupted work, loads the queue and starts the workers. */
  public void start() {
    int interrupted = submissions.requeueInterrupted();
    if (interrupted > 0) {
      LOG.info(interrupted + " submission(s) were being scored when the server stopped; they are queued again");
    }
    submissions.queued().forEach(q -> enqueue(q.id(), q.teamId()));
    running = true;
    for (int i = 0; i < workerCount; i++) {
      Thread t = new Thread(this::work, "cellarena-scorer-" + (i + 1));
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  /** Queues a submission of team {@code teamId} whose row is committed with status queued. */
  public void enqueue(long id, long teamId) {
    waiting.add(id, teamId);
  }

  /** Where a queued submission stands, 1 = next (an estimate: see {@link FairQueue#position}); 0 if not queued. */
  public int position(long id) {
    return waiting.position(id);
  }

  /** The worker scoring the submission now, or null. */
  public String workerOf(long id) {
    return scoring.get(id);
  }

  private void work() {
    while (running) {
      FairQueue.Claim claim;
      try {
        claim = waiting.take(200);
      } catch (InterruptedException e) {
        return;
      }
      if (claim == null) {
        continue;
      }
      if (!running) {
        return; // still queued in the database: the next start scores it
      }
      long start = System.nanoTime();
      scoring.put(claim.id(), Thread.currentThread().getName());
      try {
        score(claim.id());
      } catch (RuntimeException e) {
        // the database failed: the row stays as it was and the next start takes it back
        LOG.log(Level.SEVERE, "could not record the scoring of submission " + claim.id(), e);
      } finally {
        scoring.remove(claim.id());
        waiting.done(claim, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /** Scores one submission; every outcome ends in scored or failed with a reason. */
  void score(long id) {
    SubmissionRow row = submissions.find(id).orElse(null);
    if (row == null || !submissions.claim(id)) {
      return;
    }
    onStatusChange.changed(id, row.competition());
    try {
      Competition competition = competitions.find(row.competition()).orElse(null);
      if (competition == null) {
        submissions.fail(id, "the competition \"" + row.competition() + "\" is not served any more");
        return;
      }
      long start = System.nanoTime();
      Deadline deadline = Deadline.after(competition.limits().time());
      Submission submission;
      try (InputStream in = files.open(row.storedFile())) {
        submission = new SubmissionReader(competition.solution(), competition.limits())
            .read(in, row.displayName(), deadline);
      }
      ScoreReport report = Scorer.score(competition.solution(), submission, deadline);
      double seconds = (System.nanoTime() - start) / 1e9;
      submissions.recordResult(id,
          ScoreSummary.result(report, scorerVersion, competition.solutionHash(), seconds));
    } catch (InvalidFileException e) {
      submissions.fail(id, Problem.cut(e.report().strip(), MAX_REASON));
    } catch (TimeLimitException | Refusal e) {
      submissions.fail(id, Problem.cut(e.getMessage(), MAX_REASON));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "submission " + id + ": cannot read its stored file", e);
      submissions.fail(id, "the stored file could not be read: " + e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      LOG.log(Level.WARNING, "submission " + id + ": scoring threw", e);
      submissions.fail(id, "scoring failed with an internal error (" + e.getClass().getSimpleName()
          + "); the host has been told in the server log");
    } finally {
      onStatusChange.changed(id, row.competition());
    }
  }

  /**
   * Stops taking work and waits (up to 30 s) for the submissions being scored. Workers are not interrupted, as an
   * interrupt would break their file reads; one still scoring after the wait stays "scoring" in the database and
   * is scored again on the next start.
   */
  @Override
  public void close() {
    running = false;
    for (Thread t : workers) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
