package org.cellarena.web.scoring;

/**
 * Which waiting submission a scoring thread takes next, claimed in the database under a lease: {@link LocalOrder}
 * for a database one process owns, {@link SharedOrder} for one that several nodes and workers share.
 */
interface JobOrder {
  /** A submission claimed for scoring; {@code owner} names the lease, which the result must still hold. */
  record Job(long id, long team, String owner) {}

  /** The next submission, claimed, waiting up to {@code timeoutMillis} for one; null when none came. */
  Job take(String owner, long timeoutMillis) throws InterruptedException;

  /** Records that a job took {@code seconds} of scoring. */
  void done(Job job, double seconds);

  /** A submission of team {@code team} was queued (on this node). */
  void add(long id, long team);

  /** Where a queued submission stands, 1 = next (an estimate); 0 if not queued. */
  int position(long id);
}
