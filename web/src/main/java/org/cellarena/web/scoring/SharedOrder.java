package org.cellarena.web.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.TeamUsage;

/**
 * The {@link FairQueue}'s rule kept in the database, for nodes and workers that share it: each claim takes the
 * next submission in SQL ({@link Submissions#claimNext}), so the order holds across every worker. A team's recent
 * scoring time is stored as a key that SQL orders by ({@link UsageKeys}). An idle thread asks the database again
 * every {@link #POLL_MILLIS} ms, and at once when this node queues something.
 */
final class SharedOrder implements JobOrder {
  static final long POLL_MILLIS = 250;

  private final Submissions submissions;
  private final TeamUsage usage;
  private final Set<String> competitions;
  private final Duration lease;
  private final Object wakeUp = new Object();

  SharedOrder(Submissions submissions, TeamUsage usage, Set<String> competitions, Duration lease) {
    this.submissions = submissions;
    this.usage = usage;
    this.competitions = Set.copyOf(competitions);
    this.lease = lease;
  }

  @Override
  public Job take(String owner, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      Instant now = Instant.now();
      var claimed = submissions.claimNext(competitions, owner, now, now.plus(lease));
      if (claimed.isPresent()) {
        return new Job(claimed.get().id(), claimed.get().teamId(), owner);
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
    if (seconds > 0) {
      usage.update(job.team(), key -> UsageKeys.withScoring(key, seconds, Instant.now()));
    }
  }

  @Override
  public void add(long id, long team) {
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  @Override
  public int position(long id) {
    List<Submissions.Queued> queued = submissions.queued();
    Map<Long, TreeSet<Long>> waitingByTeam = new HashMap<>();
    Long team = null;
    for (Submissions.Queued q : queued) {
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
