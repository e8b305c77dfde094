package org.cellarena.model.runtime;

import java.time.Duration;

/**
 * A clean stop on SIGTERM or Ctrl-C. The JVM runs its shutdown hooks while the other threads go on, then ends the
 * process wherever they are: a thread inside libtorch at that moment crashes the JVM (SIGSEGV and an hs_err file).
 * So long engine work runs inside a {@link #guard()}: on a signal the hook asks it to stop at its next step boundary
 * ({@link #requested()}, {@link #check()}) and waits, at most {@link #GRACE}, until every guard is closed, that is
 * until the work has saved what it keeps and left the engine.
 */
public final class StopSignal {
  /** How long the hook waits for the work to reach a step boundary; a stop is due within 10 s. */
  static final Duration GRACE = Duration.ofSeconds(8);

  private static final Object LOCK = new Object();
  private static volatile boolean requested;
  private static boolean hooked;
  private static int active;

  private StopSignal() {}

  /** Marks engine work under way until the guard is closed; installs the hook on first use. */
  public static Guard guard() {
    synchronized (LOCK) {
      if (!hooked) {
        Runtime.getRuntime().addShutdownHook(new Thread(StopSignal::awaitWork, "cellarena-clean-stop"));
        hooked = true;
      }
      active++;
    }
    return new Guard();
  }

  /** True once the process is stopping: the work must stop at its next step boundary. */
  public static boolean requested() {
    return requested;
  }

  /** Throws {@link Stopped} once the process is stopping: for loops whose partial work is worth nothing. */
  public static void check() {
    if (requested) {
      throw new Stopped();
    }
  }

  private static void awaitWork() {
    requested = true;
    long deadline = System.nanoTime() + GRACE.toNanos();
    synchronized (LOCK) {
      long left;
      while (active > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          LOCK.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Engine work under way; closing it tells the stopping process that the engine is left alone. */
  public static final class Guard implements AutoCloseable {
    private boolean closed;

    private Guard() {}

    @Override
    public void close() {
      synchronized (LOCK) {
        if (!closed) {
          closed = true;
          active--;
          LOCK.notifyAll();
        }
      }
    }
  }

  /** Thrown at a step boundary once the process is stopping. */
  public static final class Stopped extends RuntimeException {
    private Stopped() {
      super("stopped by a signal", null, false, false);
    }
  }
}
