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
  /** The inferences under way in this process, by submission id, with their lease's owner. */
  private final Map<Long, String> active = new ConcurrentHashMap<>();
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
      Thread t = new Thread(this::work, "cellarena-inference-" + (i + 1));
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
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

  private void beat() {
    try {
      Instant until = Instant.now().plus(lease);
      active.forEach((id, owner) -> {
        if (!inferences.extendLease(id, owner, until)) {
          LOG.warning("submission " + id + ": the inference's lease was taken back; its result will be discarded");
        }
      });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "inference heartbeat failed (the database?); retrying", e);
    }
  }

  private void work() {
    while (running) {
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
      active.put(id, owner);
      try {
        run.run(claimed.get(), owner, () -> running);
      } catch (RuntimeException e) {
        // the database failed: the lease runs out and the inference runs again
        LOG.log(Level.SEVERE, "could not record the inference of submission " + id, e);
      } finally {
        active.remove(id);
      }
    }
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
    for (Thread t : workers) {
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
