package org.cellarena.web.scoring;

/**
 * Which waiting submission a scoring thread takes next, claimed in the database under a lease: {@link LocalOrder}
 * for a database one process owns, {@link SharedOrder} for one that several nodes and workers share.
 */
interface JobOrder {
  /**
   * A submission claimed for scoring by a thread of {@code lane}; {@code owner} names the lease, which the result
   * must still hold.
   */
  record Job(long id, long team, Lane lane, String owner) {}

  /** Which submissions a scoring thread may take. */
  enum Lane {
    /** Any, in the fair order. */
    ANY,
    /**
     * Only while every {@link #ANY} thread of this process is scoring, and then only a submission of a team with
     * none being scored that no light lane has handed back: a submission that goes over the light lane's short
     * time limit is handed back to the queue for the {@link #ANY} lane, so no file holds this lane for long.
     */
    LIGHT
  }

  /** The next submission for {@code lane}, claimed, waiting up to {@code timeoutMillis} for one; null when none came. */
  Job take(Lane lane, String owner, long timeoutMillis) throws InterruptedException;

  /** Records that a job took {@code seconds} of scoring. */
  void done(Job job, double seconds);

  /** Queues a job the light lane gave up on after {@code seconds} again, for the {@link Lane#ANY} lane only. */
  void handBack(Job job, double seconds);

  /** A submission of team {@code team} was queued (on this node). */
  void add(long id, long team);

  /** Where a queued submission stands, 1 = next (an estimate); 0 if not queued. */
  int position(long id);
}
