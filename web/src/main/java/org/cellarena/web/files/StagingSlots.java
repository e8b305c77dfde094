package org.cellarena.web.files;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cellarena.web.refusal.Refusal;

/**
 * Bounds how many uploads are being decompressed and stored at once: one per team, {@code slots} in all. A team's
 * second upload while its first is still being stored is refused at once (429); an upload that finds every slot
 * taken waits a little for one, then is refused (503), so that uploads can neither pile up on the worker threads
 * nor keep the cores busy decompressing.
 */
public final class StagingSlots {
  /** Held while an upload is staged; closing it frees the slot. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  private final Semaphore slots;
  private final long waitMillis;
  private final Set<Long> teams = ConcurrentHashMap.newKeySet();

  public StagingSlots(int slots, long waitMillis) {
    this.slots = new Semaphore(slots, true);
    this.waitMillis = waitMillis;
  }

  /** A slot for one upload of {@code team} (blocking up to the wait). */
  public Slot take(long team) {
    if (!teams.add(team)) {
      throw new Refusal(Refusal.Reason.TOO_MANY,
          "another upload of your team is still being stored; send the next one when it has "
          + "been accepted", 5);
    }
    boolean acquired = false;
    try {
      acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!acquired) {
        teams.remove(team);
      }
    }
    if (!acquired) {
      throw new Refusal(Refusal.Reason.BUSY, "the server is storing other uploads; try again in a few seconds", 5);
    }
    return () -> {
      teams.remove(team);
      slots.release();
    };
  }
}
