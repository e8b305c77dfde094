package org.cellarena.model.runtime;

import ai.djl.engine.Engine;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The engine's intra-op CPU threads from the optional {@code runner.cpu_threads} (absent or null: the engine's
 * default; a {@code -Dai.djl.pytorch.num_threads} given on the command line wins). On a shared machine with 2 cores,
 * PyTorch's 2 OpenMP threads spin at every barrier while other processes hold a core, so the CPU configs ask for 1
 * (measured in model/BENCHMARKS.md).
 */
public final class CpuThreads {
  private CpuThreads() {}

  /** Applies the setting of this configuration JSON; returns the thread count set, or 0 when left alone. */
  public static int apply(JsonObject config) {
    JsonObject runner = config.has("runner") && config.get("runner").isJsonObject()
        ? config.getAsJsonObject("runner") : null;
    JsonElement e = runner == null ? null : runner.get("cpu_threads");
    if (e == null || e.isJsonNull() || System.getProperty("ai.djl.pytorch.num_threads") != null) {
      return 0;
    }
    int n = e.getAsInt();
    if (n < 1) {
      throw new IllegalArgumentException("runner.cpu_threads must be at least 1 (or null for the engine's default)");
    }
    Engine engine = Engine.getInstance();
    if (!"PyTorch".equals(engine.getEngineName()) || engine.getGpuCount() > 0) {
      return 0;
    }
    ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
    return n;
  }
}
