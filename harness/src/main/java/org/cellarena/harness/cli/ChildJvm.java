package org.cellarena.harness.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a cellarena command in a child JVM made like this one: the same java, JVM options (heap, class-data
 * sharing, cellarena.home) and classpath, its output inherited so that a live progress bar still reaches the
 * terminal. What the child's native libraries allocate goes back to the system when it exits.
 */
final class ChildJvm {
  /** What {@link #run} returns once stopped: 128 + SIGTERM, as a shell reports a process it ended. */
  static final int STOPPED = 143;

  private final List<String> jvm;
  private Process running;
  private boolean stopped;

  private ChildJvm(List<String> jvm) {
    this.jvm = List.copyOf(jvm);
  }

  static ChildJvm likeThisOne() {
    List<String> jvm = new ArrayList<>();
    jvm.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-agentlib:jdwp")) { // a debugger's port is this JVM's: the child could not bind it
        jvm.add(option);
      }
    }
    jvm.add("-cp");
    jvm.add(System.getProperty("java.class.path"));
    jvm.add(CellArena.class.getName());
    return new ChildJvm(jvm);
  }

  /** Runs {@code args} to the end; its exit code, or {@link #STOPPED} when stopped before it started. */
  int run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(jvm);
    command.addAll(args);
    Process process;
    synchronized (this) {
      if (stopped) {
        return STOPPED;
      }
      running = process = new ProcessBuilder(command).inheritIO().start();
    }
    try {
      return process.waitFor();
    } finally {
      synchronized (this) {
        running = null;
      }
    }
  }

  /**
   * Stops a running child and runs no more: asks it to stop (SIGTERM), waits up to {@code grace} for it, then
   * kills it. From a terminal the child had Ctrl-C already (same process group); a SIGTERM to this JVM alone
   * reaches the child only this way.
   */
  void stop(Duration grace) {
    Process process;
    synchronized (this) {
      stopped = true;
      process = running;
    }
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  synchronized boolean stopped() {
    return stopped;
  }
}
