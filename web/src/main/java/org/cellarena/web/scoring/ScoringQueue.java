package org.cellarena.web.scoring;

import java.io.IOException;
import java.io.InputStream;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
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
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.NewResult;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.ScoringWorkers;
import org.cellarena.web.store.StoreException;
import org.cellarena.web.store.Leases;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.TeamUsage;

/**
 * Scores queued submissions on a fixed number of threads, in the fair queue's order, each within its
 * competition's {@link org.cellarena.scoring.io.SubmissionLimits}. The database is the queue of record: each
 * submission is claimed there under a lease that a heartbeat extends, and its result is written only while the
 * lease holds, so a result is recorded exactly once. With a database this process owns (the embedded H2) the
 * order is kept in memory ({@link LocalOrder}) and the start takes back whatever a stopped (or killed) server
 * left queued or half-scored; with a shared one (PostgreSQL) it is kept in SQL ({@link SharedOrder}) and work
 * whose lease expired (its worker died) goes back to the queue for any worker to take.
 *
 * <p>Besides its {@code workerCount} threads, a server on its own database runs one more, the light lane
 * ({@link JobOrder.Lane#LIGHT}): it scores the submissions of teams with nothing being scored while the other
 * threads are busy, under {@link #LIGHT_LANE_LIMIT}, and hands a submission that goes over it back to the others.
 * So a team's file waits for no other team's heavy file, whatever the scoring time limit.
 */
public final class ScoringQueue implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ScoringQueue.class.getName());
  /** How long a claim lasts unless its worker's heartbeat extends it (every third of it). */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  /** The light lane's time limit: a few times what reading and scoring a real 240-image file takes. */
  static final Duration LIGHT_LANE_LIMIT = Duration.ofSeconds(3);
  /** How long {@link #close} waits for the submissions being scored. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

  private final Submissions submissions;
  private final Leases leases;
  private final SubmissionFiles files;
  private final Competitions competitions;
  private final int workerCount;
  private final StatusListener onStatusChange;
  private final String scorerVersion = Scorer.VERSION;
  /** The longest failure reason stored: a team reads it on every status call. */
  static final int MAX_REASON = 8 * 1024;

  private final JobOrder order;
  private final boolean shared;
  private final Duration lease;
  private final ScoringWorkers registry;
  private final ScoringMetrics metrics;
  /** This process's name in leases and among the workers: host, process id and a random tag. */
  private final String workerId = workerName();
  private final AtomicLong claims = new AtomicLong();
  /** The jobs this process is scoring, by id, with their lease's owner name. */
  private final Map<Long, String> active = new ConcurrentHashMap<>();
  private final List<Thread> workers = new ArrayList<>();
  private ScheduledExecutorService heartbeat;
  private volatile boolean running;

  /**
   * @param competitions what this process scores (a shared queue holds only their submissions for it)
   * @param workerCount scoring threads besides the light lane; 0 scores nothing
   * @param shared whether other processes use the database too
   * @param onStatusChange told each time a submission's status changes (on a worker thread)
   */
  public ScoringQueue(Submissions submissions, Leases leases, TeamUsage usage, ScoringWorkers registry,
      SubmissionFiles files, Competitions competitions, int workerCount, boolean shared, Duration lease,
      MeterRegistry meters, StatusListener onStatusChange) {
    this.submissions = submissions;
    this.leases = leases;
    this.files = files;
    this.competitions = competitions;
    this.workerCount = workerCount;
    this.onStatusChange = onStatusChange;
    this.shared = shared;
    this.lease = lease;
    this.registry = registry;
    this.metrics = new ScoringMetrics(meters);
    Set<String> ids = competitions.all().stream().map(Competition::id).collect(Collectors.toSet());
    this.order = shared ? new SharedOrder(leases, usage, ids, lease, workerCount)
        : new LocalOrder(leases, lease, workerCount);
  }

  /** Requeues interrupted work (a database of its own only), loads the queue and starts the workers. */
  public void start() {
    if (!shared) {
      int interrupted = leases.requeueInterrupted();
      if (interrupted > 0) {
        LOG.info(interrupted + " submission(s) were being scored when the server stopped; they are queued again");
      }
      leases.queued().forEach(q -> enqueue(q.id(), q.teamId()));
    }
    running = true;
    if (workerCount == 0) {
      return;
    }
    registry.remove(workerId, Instant.now().minus(lease.multipliedBy(3)));
    registry.seen(workerId, workerCount, Instant.now());
    heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cellarena-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, lease.toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    for (int i = 0; i < workerCount; i++) {
      startWorker(JobOrder.Lane.ANY, "cellarena-scorer-" + (i + 1));
    }
    startWorker(JobOrder.Lane.LIGHT, "cellarena-scorer-light");
  }

  private void startWorker(JobOrder.Lane lane, String name) {
    Thread t = new Thread(() -> work(lane), name);
    t.setDaemon(true);
    t.start();
    workers.add(t);
  }

  /** The name this process goes by among the workers. */
  public String workerId() {
    return workerId;
  }

  /** Queues a submission of team {@code teamId} whose row is committed with status queued. */
  public void enqueue(long id, long teamId) {
    order.add(id, teamId);
  }

  /** Where a queued submission stands, 1 = next (an estimate: the teams take turns); 0 if not queued. */
  public int position(long id) {
    return order.position(id);
  }

  /**
   * Extends the leases of the jobs under way, and says this worker is alive. With a database of its own, also
   * takes back the work that a database outage left behind: leases that ran out while the result could not be
   * written go back to the queue.
   */
  private void beat() {
    try {
      Instant now = Instant.now();
      active.forEach((id, owner) -> {
        if (!leases.extendLease(id, owner, now.plus(lease))) {
          LOG.warning("submission " + id + ": the lease expired and was taken back; its result will be discarded");
        }
      });
      registry.seen(workerId, workerCount, now);
      if (!shared && leases.requeueExpired(now) > 0) {
        leases.queued().stream().filter(q -> order.position(q.id()) == 0 && !active.containsKey(q.id()))
            .forEach(q -> enqueue(q.id(), q.teamId()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heartbeat failed (the database?); retrying", e);
    }
  }

  /** The lease owner (worker and claim) scoring the submission in this process, or null. */
  public String workerOf(long id) {
    return active.get(id);
  }

  private void work(JobOrder.Lane lane) {
    while (running) {
      JobOrder.Job job;
      try {
        job = order.take(lane, workerId + "#" + claims.incrementAndGet(), 200);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not claim work from the database; retrying in 1 s", e);
        sleep(1000);
        continue;
      }
      if (job == null) {
        continue;
      }
      active.put(job.id(), job.owner());
      long start = System.nanoTime();
      boolean handBack = false;
      try {
        handBack = !score(job, lane == JobOrder.Lane.LIGHT ? LIGHT_LANE_LIMIT : null);
      } catch (RuntimeException e) {
        // the database failed: the lease runs out and the job is scored again (or at the next start)
        LOG.log(Level.SEVERE, "could not record the scoring of submission " + job.id(), e);
      } finally {
        active.remove(job.id());
        finish(job, handBack, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private void finish(JobOrder.Job job, boolean handBack, double seconds) {
    try {
      if (handBack) {
        order.handBack(job, seconds);
        metrics.handedBack();
      } else {
        order.done(job, seconds);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not record the scoring time of team " + job.team(), e);
    }
  }

  /**
   * Scores one submission; every outcome ends in scored or failed with a reason, except one: under a
   * {@code laneLimit} shorter than the competition's time limit, a submission that goes over it is left as it is
   * and this returns false, for the caller to hand it back.
   */
  private boolean score(JobOrder.Job job, Duration laneLimit) {
    long id = job.id();
    SubmissionRow row = submissions.find(id).orElse(null);
    if (row == null) {
      return true;
    }
    onStatusChange.changed(id, row.competition());
    long begin = System.nanoTime();
    Competition competition = competitions.find(row.competition()).orElse(null);
    Attempt attempt = competition == null
        ? new Attempt(null, "the competition \"" + row.competition() + "\" is not served any more")
        : attempt(id, row, competition, laneLimit);
    if (attempt == Attempt.OVER_LANE_LIMIT) {
      return false;
    }
    boolean recorded = attempt.result() != null ? leases.recordResult(id, job.owner(), attempt.result())
        : leases.fail(id, job.owner(), attempt.failure());
    if (recorded) {
      metrics.scored(row.competition(), attempt.result() == null, (System.nanoTime() - begin) / 1e9);
      onStatusChange.changed(id, row.competition());
    } else {
      metrics.discarded();
      LOG.warning("submission " + id + ": its lease expired before the result came; the result is discarded "
          + "(another worker scores it)");
    }
    return true;
  }

  /** What reading and scoring a file gave: a result, or the reason it failed. */
  private record Attempt(NewResult result, String failure) {
    static final Attempt OVER_LANE_LIMIT = new Attempt(null, null);
  }

  private Attempt attempt(long id, SubmissionRow row, Competition competition, Duration laneLimit) {
    Duration limit = competition.limits().time();
    boolean laneLimited = laneLimit != null && laneLimit.compareTo(limit) < 0;
    Deadline deadline = Deadline.after(laneLimited ? laneLimit : limit);
    long start = System.nanoTime();
    String failure;
    try {
      Submission submission;
      try (InputStream in = files.open(row.storedFile())) {
        submission = new SubmissionReader(competition.solution(), competition.limits())
            .read(in, row.displayName(), deadline);
      }
      ScoreReport report = Scorer.score(competition.solution(), submission, deadline);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Attempt(ScoreSummary.result(report, scorerVersion, competition.solutionHash(), seconds,
          ProbeFlags.count(submission)), null);
    } catch (InvalidFileException e) {
      failure = Problem.cut(e.report().strip(), MAX_REASON);
    } catch (TimeLimitException | Refusal e) {
      failure = Problem.cut(e.getMessage(), MAX_REASON);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "submission " + id + ": cannot read its stored file", e);
      failure = "the stored file could not be read: " + e.getMessage();
    } catch (StoreException e) {
      throw e; // the database failed, not the file: the lease runs out and the job is scored again
    } catch (RuntimeException | OutOfMemoryError e) {
      LOG.log(Level.WARNING, "submission " + id + ": scoring threw", e);
      failure = "scoring failed with an internal error (" + e.getClass().getSimpleName()
          + "); the host has been told in the server log";
    }
    return laneLimited && deadline.passed() ? Attempt.OVER_LANE_LIMIT : new Attempt(null, failure);
  }

  /**
   * Stops taking work and waits (up to {@link #SHUTDOWN_GRACE} in all, so that a SIGTERM stops the server in
   * seconds) for the submissions being scored. Workers are not interrupted, as an interrupt would break their file
   * reads; one still scoring after the wait stays "scoring" in the database, leased to no live worker, and is
   * scored again on the next start (or by another worker once the lease runs out).
   */
  @Override
  public void close() {
    running = false;
    long end = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
    for (Thread t : workers) {
      try {
        t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      try {
        registry.remove(workerId, Instant.now().minus(lease.multipliedBy(3)));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "could not sign off as a worker", e);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String workerName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "host";
    }
    return host + "/" + ProcessHandle.current().pid() + "/" + Long.toHexString(new java.security.SecureRandom()
        .nextInt() & 0xffffL);
  }
}
