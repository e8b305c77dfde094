package org.cellarena.web.inference;

import java.time.Duration;
import org.cellarena.web.store.Inferences;

/**
 * One inference under way in this process: its lease's owner, its thread, the limit that stops it (the time
 * limit, or the team's compute left today when less) and how far it got. The run sets the limit and the progress;
 * the lane's heartbeat reads them, to charge the seconds used and to give up on a run hung inside one image.
 */
public final class RunningInference {
  /** How long past its limit a run may go on inside one image before the lane gives up on it. */
  private static final Duration MAX_GRACE = Duration.ofMinutes(1);

  private final Inferences.Claimed job;
  private final String owner;
  private final Thread thread;
  private final long start = System.nanoTime();
  private volatile long deadline;
  private volatile long grace;
  private volatile String limit;
  private volatile boolean limited;
  private volatile int done;
  private volatile int total;

  RunningInference(Inferences.Claimed job, String owner, Thread thread) {
    this.job = job;
    this.owner = owner;
    this.thread = thread;
  }

  public Inferences.Claimed job() {
    return job;
  }

  public String owner() {
    return owner;
  }

  Thread thread() {
    return thread;
  }

  /**
   * Sets the run's limit.
   *
   * @param stopsAfter how long it may run
   * @param sentenceStart the team's sentence when it stops there, up to " at image i of n"
   */
  void limit(Duration stopsAfter, String sentenceStart) {
    this.limit = sentenceStart;
    this.deadline = start + stopsAfter.toNanos();
    this.grace = Math.min(MAX_GRACE.toNanos(), Math.max(1, stopsAfter.toNanos()));
    this.limited = true;
  }

  void imageDone(int done, int total) {
    this.done = done;
    this.total = total;
  }

  /** Whether the run went past its limit at {@code now} (System.nanoTime). */
  boolean pastLimit(long now) {
    return limited && now - deadline > 0;
  }

  /** Whether the run went past its limit and its grace before its last image: hung inside an image. */
  boolean hung(long now) {
    return limited && done < total && now - deadline - grace > 0;
  }

  /** The sentence the team reads when the limit stopped the run at image {@code done + 1}. */
  String stoppedSentence() {
    return limit + " at image " + Math.min(done + 1, total) + " of " + total;
  }

  /** The inference seconds to charge the team: its earlier attempts' and this run's so far. */
  public double chargedSeconds() {
    return job.chargedBefore() + (System.nanoTime() - start) / 1e9;
  }
}
