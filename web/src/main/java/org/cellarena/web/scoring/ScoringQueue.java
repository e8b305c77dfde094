package org.cellarena.web.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.web.Refusal;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Submissions;

/**
 * Scores queued submissions, oldest first, on a fixed number of worker threads. The database is the queue of
 * record; this class keeps the ids in memory so that a worker need not poll. On start it takes back whatever a
 * stopped (or killed) server left queued or half-scored.
 */
public final class ScoringQueue implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ScoringQueue.class.getName());

  private final Submissions submissions;
  private final SubmissionFiles files;
  private final Competitions competitions;
  private final int workerCount;
  private final StatusListener onStatusChange;
  private final String scorerVersion = Scorer.VERSION;
  private final PriorityBlockingQueue<Long> waiting = new PriorityBlockingQueue<>();
  private final Set<Long> enqueued = ConcurrentHashMap.newKeySet();
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
    submissions.queued().forEach(this::enqueue);
    running = true;
    for (int i = 0; i < workerCount; i++) {
      Thread t = new Thread(this::work, "cellarena-scorer-" + (i + 1));
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  /** Queues a submission whose row is committed with status queued. */
  public void enqueue(long id) {
    if (enqueued.add(id)) {
      waiting.add(id);
    }
  }

  private void work() {
    while (running) {
      Long id;
      try {
        id = waiting.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (id == null) {
        continue;
      }
      if (!running) {
        return; // still queued in the database: the next start scores it
      }
      enqueued.remove(id);
      try {
        score(id);
      } catch (RuntimeException e) {
        // the database failed: the row stays as it was and the next start takes it back
        LOG.log(Level.SEVERE, "could not record the scoring of submission " + id, e);
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
      Submission submission;
      try (InputStream in = files.open(row.storedFile())) {
        submission = new SubmissionReader(competition.solution()).read(in, displayName(row));
      }
      ScoreReport report = Scorer.score(competition.solution(), submission);
      double seconds = (System.nanoTime() - start) / 1e9;
      submissions.recordResult(id,
          ScoreSummary.result(report, scorerVersion, competition.solutionHash(), seconds));
    } catch (InvalidFileException e) {
      submissions.fail(id, e.report().strip());
    } catch (Refusal e) {
      submissions.fail(id, e.getMessage());
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

  private static String displayName(SubmissionRow row) {
    return row.fileName() == null || row.fileName().isBlank() ? "submission.csv" : row.fileName();
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
