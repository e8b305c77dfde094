package org.cellarena.web.inference;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.store.Inferences;

/**
 * Runs teams' models, on threads of its own apart from the scoring ones, so that a long inference never delays
 * the scoring of a CSV. Each thread claims the next model submission in the teams' turn ({@link Inferences}),
 * under a lease that the heartbeat extends; {@link InferenceRun} runs it. With a database this process owns, the
 * start takes back what a stopped server left inferring; with a shared one, an expired lease (a dead worker's)
 * goes back to the queue for any worker.
 */
public final class InferenceLane implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(InferenceLane.class.getName());
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  /** How often an idle thread looks for work from other nodes (a local upload wakes it at once). */
  private static final long POLL_MILLIS = 500;

  private final Inferences inferences;
  private final Set<String> competitionIds;
  private final InferenceRun run;
  private final int threads;
  private final boolean shared;
  private final Duration lease;
  private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "-inference-"
      + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong claims = new AtomicLong();
  /** The inferences under way in this process, by submission id. */
  private final Map<Long, RunningInference> active = new ConcurrentHashMap<>();
  /** The threads whose inference hung: each ends after it (a replacement took its place). */
  private final Set<Thread> retired = ConcurrentHashMap.newKeySet();
  private final Object signal = new Object();
  private final List<Thread> workers = new ArrayList<>();
  private ScheduledExecutorService heartbeat;
  private volatile boolean running;

  /**
   * @param threads inferences at once; 0 runs none (the queue waits for a worker)
   * @param shared whether other processes use the database too
   */
  public InferenceLane(Inferences inferences, Competitions competitions, InferenceRun run, int threads,
      boolean shared, Duration lease) {
    this.inferences = inferences;
    this.competitionIds = competitions.all().stream().filter(Competition::isModel).map(Competition::id)
        .collect(Collectors.toSet());
    this.run = run;
    this.threads = threads;
    this.shared = shared;
    this.lease = lease;
  }

  /** Requeues interrupted inferences (a database of its own only) and starts the threads. */
  public void start() {
    if (!shared) {
      int interrupted = inferences.requeueInterrupted();
      if (interrupted > 0) {
        LOG.info(interrupted + " inference(s) were under way when the server stopped; they are queued again");
      }
    }
    running = true;
    if (threads == 0 || competitionIds.isEmpty()) {
      return;
    }
    heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cellarena-inference-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, lease.toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    for (int i = 0; i < threads; i++) {
      startThread();
    }
  }

  private synchronized void startThread() {
    Thread t = new Thread(this::work, "cellarena-inference-" + (workers.size() + 1));
    t.setDaemon(true);
    t.start();
    workers.add(t);
  }

  /** Tells the idle threads that a model submission was queued. */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** The name this process goes by in the leases of its inferences. */
  public String workerId() {
    return workerId;
  }

  /** Extends the leases of the runs under way, charging their seconds, and gives up on a hung one. */
  private void beat() {
    try {
      Instant until = Instant.now().plus(lease);
      for (RunningInference r : active.values()) {
        long id = r.job().id();
        if (r.hung(System.nanoTime())) {
          giveUp(r);
        } else if (!inferences.extendLease(id, r.owner(), until, r.chargedSeconds())) {
          LOG.warning("submission " + id + ": the inference's lease was taken back; its result will be discarded");
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "inference heartbeat failed (the database?); retrying", e);
    }
  }

  /**
   * Fails a run hung inside an image past its limit and its grace, and starts a thread in its place: the hung
   * one ends after the run, whose late writes find the lease gone.
   */
  private void giveUp(RunningInference r) {
    LOG.warning("submission " + r.job().id() + ": the inference hung past its limit on " + r.thread().getName()
        + "; it fails and a new thread takes its place");
    active.remove(r.job().id());
    retired.add(r.thread());
    run.abandon(r);
    r.thread().interrupt();
    if (running) {
      startThread();
    }
  }

  private void work() {
    while (running && !retired.contains(Thread.currentThread())) {
      String owner = workerId + "#" + claims.incrementAndGet();
      Optional<Inferences.Claimed> claimed;
      try {
        Instant now = Instant.now();
        claimed = inferences.claimNext(competitionIds, owner, now, now.plus(lease));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not claim an inference from the database; retrying", e);
        claimed = Optional.empty();
      }
      if (claimed.isEmpty()) {
        idle();
        continue;
      }
      long id = claimed.get().id();
      RunningInference job = new RunningInference(claimed.get(), owner, Thread.currentThread());
      active.put(id, job);
      try {
        run.run(job, () -> running);
      } catch (Throwable e) { // the database failed: the lease runs out and the inference runs again
        LOG.log(Level.SEVERE, "could not record the inference of submission " + id, e);
      } finally {
        active.remove(id, job);
      }
    }
    retired.remove(Thread.currentThread());
  }

  private void idle() {
    synchronized (signal) {
      try {
        signal.wait(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /** Stops the threads; an inference under way is stopped at its next image and queued again. */
  @Override
  public void close() {
    running = false;
    wake();
    List<Thread> started;
    synchronized (this) {
      started = List.copyOf(workers);
    }
    for (Thread t : started) {
      try {
        t.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
  }
}
