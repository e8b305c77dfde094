package org.cellarena.web.scoring;

import java.time.Duration;
import java.time.Instant;
import org.cellarena.web.store.Leases;

/** The {@link FairQueue} in memory: the order for a database that this process alone uses (the embedded H2). */
final class LocalOrder implements JobOrder {
  private final FairQueue waiting;
  private final Leases leases;
  private final Duration lease;

  /** @param anyThreads the threads of the {@link Lane#ANY} lane */
  LocalOrder(Leases leases, Duration lease, int anyThreads) {
    this.waiting = new FairQueue(anyThreads);
    this.leases = leases;
    this.lease = lease;
  }

  @Override
  public Job take(Lane lane, String owner, long timeoutMillis) throws InterruptedException {
    FairQueue.Claim claim = waiting.take(lane, timeoutMillis);
    if (claim == null) {
      return null;
    }
    boolean claimed;
    try {
      claimed = leases.claim(claim.id(), owner, Instant.now().plus(lease));
    } catch (RuntimeException e) { // the database is down: the job waits for it in the order, not lost
      waiting.done(claim, 0);
      waiting.add(claim.id(), claim.team());
      throw e;
    }
    if (!claimed) {
      waiting.done(claim, 0); // no longer queued (gone, or taken back by a rescore): nothing to score
      return null;
    }
    return new Job(claim.id(), claim.team(), lane, owner);
  }

  @Override
  public void done(Job job, double seconds) {
    waiting.done(claimOf(job), seconds);
  }

  @Override
  public void handBack(Job job, double seconds) {
    if (leases.handBack(job.id(), job.owner())) {
      waiting.handBack(claimOf(job), seconds);
    } else {
      waiting.done(claimOf(job), seconds);
    }
  }

  private static FairQueue.Claim claimOf(Job job) {
    return new FairQueue.Claim(job.id(), job.team(), job.lane());
  }

  @Override
  public void add(long id, long team) {
    waiting.add(id, team);
  }

  @Override
  public int position(long id) {
    return waiting.position(id);
  }
}
