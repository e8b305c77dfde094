package org.cellarena.model.runtime;

import java.time.Duration;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A clean stop on SIGTERM or Ctrl-C. The JVM runs its shutdown hooks while the other threads go on, then ends the
 * process wherever they are, destroying libtorch's statics on the way: a thread inside libtorch at that moment
 * crashes the JVM (SIGSEGV and an hs_err file). So long engine work runs inside a {@link #guard()}: on a signal the
 * hook asks it to stop at its next step boundary ({@link #requested()}, {@link #check()}) and waits, at most
 * {@link #GRACE}, until every guard is closed, that is until the work has saved what it keeps and left the engine;
 * then the process ends with the signal's status (128 + its number) without the destructors ({@link ProcessExit}).
 */
public final class StopSignal {
  /** How long the hook waits for the work to reach a step boundary; a stop is due within 10 s. */
  static final Duration GRACE = Duration.ofSeconds(8);

  private static final Object LOCK = new Object();
  private static volatile boolean requested;
  private static boolean hooked;
  private static int active;
  private static volatile int signal;

  private StopSignal() {}

  /** Marks engine work under way until the guard is closed; installs the hook on first use. */
  public static Guard guard() {
    synchronized (LOCK) {
      if (!hooked) {
        Runtime.getRuntime().addShutdownHook(new Thread(StopSignal::awaitWork, "cellarena-clean-stop"));
        catchSignal("TERM");
        catchSignal("INT");
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

  /**
   * Notes the signal's number, then exits as the JVM would ({@code System.exit} starts the shutdown hooks). A
   * signal the process ignores (a background job's Ctrl-C) stays ignored.
   */
  private static void catchSignal(String name) {
    Signal sig = new Signal(name);
    SignalHandler before = Signal.handle(sig, s -> {
      signal = s.getNumber();
      new Thread(() -> System.exit(128 + s.getNumber()), "cellarena-signal-" + name).start();
    });
    if (before == SignalHandler.SIG_IGN) {
      Signal.handle(sig, SignalHandler.SIG_IGN);
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
          break;
        }
      }
    }
    if (signal != 0) {
      if (stillWorking()) {
        System.err.println("\nstopped: the step under way did not end within " + GRACE.toSeconds() + " s; the files"
            + " saved before it are kept");
      }
      ProcessExit.now(128 + signal);
    }
  }

  private static boolean stillWorking() {
    synchronized (LOCK) {
      return active > 0;
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
