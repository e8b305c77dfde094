package org.cellarena.web.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.cellarena.web.store.Leases;
import org.cellarena.web.store.TeamUsage;

/**
 * The {@link FairQueue}'s rule kept in the database, for nodes and workers that share it: each claim takes the
 * next submission in SQL ({@link Leases#claimNext}), so the order holds across every worker. A team's recent
 * scoring time is stored as a key that SQL orders by ({@link UsageKeys}). An idle thread asks the database again
 * every {@link #POLL_MILLIS} ms, and at once when this node queues something. A submission the light lane hands
 * back stays marked in its row ({@link Leases#handBack}), so no light lane of any worker takes it again.
 */
final class SharedOrder implements JobOrder {
  static final long POLL_MILLIS = 250;

  private final Leases leases;
  private final TeamUsage usage;
  private final Set<String> competitions;
  private final Duration lease;
  private final Object wakeUp = new Object();
  private final int anyThreads;
  private final AtomicInteger anyBusy = new AtomicInteger();

  /** @param anyThreads this process's threads of the {@link Lane#ANY} lane */
  SharedOrder(Leases leases, TeamUsage usage, Set<String> competitions, Duration lease, int anyThreads) {
    this.anyThreads = anyThreads;
    this.leases = leases;
    this.usage = usage;
    this.competitions = Set.copyOf(competitions);
    this.lease = lease;
  }

  @Override
  public Job take(Lane lane, String owner, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      Instant now = Instant.now();
      // the light lane stays free while a thread of the ANY lane of this process is free
      var claimed = lane == Lane.LIGHT && anyBusy.get() < anyThreads ? Optional.<Leases.Queued>empty()
          : leases.claimNext(competitions, lane == Lane.LIGHT, owner, now, now.plus(lease));
      if (claimed.isPresent()) {
        if (lane == Lane.ANY) {
          anyBusy.incrementAndGet();
        }
        return new Job(claimed.get().id(), claimed.get().teamId(), lane, owner);
      }
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return null;
      }
      synchronized (wakeUp) {
        wakeUp.wait(Math.min(left, POLL_MILLIS));
      }
    }
  }

  @Override
  public void done(Job job, double seconds) {
    if (job.lane() == Lane.ANY) {
      anyBusy.decrementAndGet();
    }
    if (seconds > 0) {
      usage.update(job.team(), key -> UsageKeys.withScoring(key, seconds, Instant.now()));
    }
  }

  @Override
  public void handBack(Job job, double seconds) {
    leases.handBack(job.id(), job.owner());
    done(job, seconds);
    add(job.id(), job.team());
  }

  @Override
  public void add(long id, long team) {
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  @Override
  public int position(long id) {
    List<Leases.Queued> queued = leases.queued();
    Map<Long, TreeSet<Long>> waitingByTeam = new HashMap<>();
    Long team = null;
    for (Leases.Queued q : queued) {
      waitingByTeam.computeIfAbsent(q.teamId(), t -> new TreeSet<>()).add(q.id());
      if (q.id() == id) {
        team = q.teamId();
      }
    }
    if (team == null) {
      return 0;
    }
    Map<Long, Double> keys = usage.keys();
    return FairQueue.position(id, team, waitingByTeam, t -> keys.getOrDefault(t, Double.NEGATIVE_INFINITY));
  }
}
