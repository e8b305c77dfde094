package org.cellarena.model.layers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time of the named parts of training steps, each part marked as host work (Java code, transfers, waits for the
 * device) or engine work (forward, backward, optimizer). {@link #OFF} records nothing; {@code model-bench} uses a
 * live one to print {@code host_ms_per_image}.
 */
public final class StepProfile {
  /** A profile that records nothing. */
  public static final StepProfile OFF = new StepProfile(false);

  private final boolean on;
  private final Map<String, Long> hostNanos = new LinkedHashMap<>();
  private final Map<String, Long> engineNanos = new LinkedHashMap<>();
  private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
  private long hostCpuNanos;
  private long cpuMark;

  private StepProfile(boolean on) {
    this.on = on;
  }

  /** A profile that records. */
  public static StepProfile recording() {
    return new StepProfile(true);
  }

  /** A start time for {@link #host} or {@link #engine}. */
  public long start() {
    if (!on) {
      return 0L;
    }
    cpuMark = threads.getCurrentThreadCpuTime();
    return System.nanoTime();
  }

  /** Adds the time since {@code start} to a host part; returns a new start time. */
  public long host(String part, long start) {
    if (on) {
      long cpu = threads.getCurrentThreadCpuTime();
      hostCpuNanos += cpu - cpuMark;
      cpuMark = cpu;
    }
    return add(hostNanos, part, start);
  }

  /** Adds the time since {@code start} to an engine part; returns a new start time. */
  public long engine(String part, long start) {
    if (on) {
      cpuMark = threads.getCurrentThreadCpuTime();
    }
    return add(engineNanos, part, start);
  }

  private long add(Map<String, Long> parts, String part, long start) {
    if (!on) {
      return 0L;
    }
    long now = System.nanoTime();
    parts.merge(part, now - start, Long::sum);
    return now;
  }

  /**
   * CPU time of the calling thread in the host parts, in milliseconds: on a shared machine the wall time waits for
   * other processes, this does not (the engine's work in other threads is not in it either).
   */
  public double totalHostCpuMs() {
    return hostCpuNanos / 1e6;
  }

  /** Milliseconds per host part. */
  public Map<String, Double> hostMs() {
    return ms(hostNanos);
  }

  /** Milliseconds per engine part. */
  public Map<String, Double> engineMs() {
    return ms(engineNanos);
  }

  /** Total host milliseconds. */
  public double totalHostMs() {
    return hostNanos.values().stream().mapToLong(Long::longValue).sum() / 1e6;
  }

  /** Forgets everything recorded. */
  public void clear() {
    hostCpuNanos = 0;
    hostNanos.clear();
    engineNanos.clear();
  }

  private static Map<String, Double> ms(Map<String, Long> parts) {
    Map<String, Double> out = new LinkedHashMap<>();
    parts.forEach((k, v) -> out.put(k, v / 1e6));
    return out;
  }
}
