package org.cellarena.model.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cellarena.model.runtime.EngineInfo;
import picocli.CommandLine.Command;

/** {@code cellarena doctor}: what the model's engine sees on this machine, and a small computation on it. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Print what training needs to know about this machine: Java, DJL and libtorch versions, the libtorch flavour"
          + " and where it came from, devices seen, CUDA and cuDNN, threads; then run a small matrix product on the"
          + " default device.",
      "To use a GPU, see model/README.md (\"Choosing the native library\")."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Map<String, String> facts;
    try {
      facts = EngineInfo.facts();
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      System.err.println("cellarena doctor: the PyTorch engine did not load: " + e.getMessage());
      System.err.println("cellarena doctor: check PYTORCH_LIBRARY_PATH / PYTORCH_FLAVOR / PYTORCH_VERSION (model/README.md)");
      return 1;
    }
    facts.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
    String options = launcherOptions(ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf("%-22s %s (./cellarena gives train, predict and model-bench the same: the heap above is the one"
        + " train gets; CELLARENA_JAVA_OPTS replaces them)%n", "java options", options);
    try (NDManager m = NDManager.newBaseManager()) {
      long t0 = System.nanoTime();
      NDArray a = m.randomNormal(new ai.djl.ndarray.types.Shape(512, 512));
      float s = a.matMul(a).sum().getFloat();
      System.out.printf("%-22s ok: 512x512 matrix product on %s in %.1f ms (sum %.3g)%n", "engine check",
          Engine.getInstance().defaultDevice(), (System.nanoTime() - t0) / 1e6, s);
    }
    return 0;
  }

  /** A JVM's options as the launcher chose them by command: without class-data sharing and system properties. */
  static String launcherOptions(List<String> inputArguments) {
    String options = inputArguments.stream()
        .filter(o -> !o.startsWith("-D") && !o.startsWith("-XX:SharedArchiveFile") && !o.startsWith("-Xshare")
            && !o.startsWith("-Xlog:cds"))
        .collect(Collectors.joining(" "));
    return options.isEmpty() ? "(none)" : options;
  }
}
