package org.cellarena.model.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine runs on: DJL and libtorch versions, the libtorch flavour and where it was loaded from, the devices
 * seen, CUDA and cuDNN, threads. Loading the engine is the first thing each method does.
 */
public final class EngineInfo {
  private static final Pattern CACHED_LIBTORCH = Pattern.compile("-(cpu|cu\\d+)(-precxx11)?-linux");

  private EngineInfo() {}

  /** One line for the start of a run: the device and the library behind it. */
  public static String deviceLine() {
    Engine e = Engine.getInstance();
    Device d = e.defaultDevice();
    String what = d.isGpu() ? d + " (" + gpuCount() + " GPU, CUDA " + CudaUtils.getCudaVersionString() + ")"
        : "cpu (intra-op threads: " + JniUtils.getNumThreads() + ")";
    return "device: " + what + "; " + engineName();
  }

  /** The device the engine computes on: {@code cpu()}, {@code gpu(0)}. */
  public static String deviceName() {
    return Engine.getInstance().defaultDevice().toString();
  }

  /** The engine and its library: {@code PyTorch 2.7.1 cpu, DJL 0.36.0}. */
  public static String engineName() {
    Engine e = Engine.getInstance();
    return e.getEngineName() + " " + e.getVersion() + " " + flavour() + ", DJL " + Engine.getDjlVersion();
  }

  /** The facts {@code cellarena doctor} prints, in order. */
  public static Map<String, String> facts() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
        + System.getProperty("java.home") + ")");
    f.put("djl", Engine.getDjlVersion());
    Engine e = Engine.getInstance();
    f.put("engine", e.getEngineName() + " " + e.getVersion());
    f.put("libtorch", LibUtils.getLibtorchPath());
    f.put("flavour", flavour());
    for (String v : new String[] {"PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR", "PYTORCH_VERSION", "PYTORCH_PRECXX11"}) {
      String val = System.getenv(v);
      if (val != null) {
        f.put(v, val);
      }
    }
    f.put("default device", e.defaultDevice().toString());
    StringBuilder devices = new StringBuilder();
    for (Device d : e.getDevices()) {
      devices.append(devices.length() > 0 ? ", " : "").append(d);
      if (d.isGpu()) {
        devices.append(" (compute ").append(CudaUtils.getComputeCapability(d.getDeviceId())).append(", ")
            .append(CudaUtils.getGpuMemory(d).getMax() >> 20).append(" MiB)");
      }
    }
    f.put("devices", devices.toString());
    f.put("cuda", CudaUtils.hasCuda() ? "yes, CUDA " + CudaUtils.getCudaVersionString() + ", "
        + gpuCount() + " GPU(s); engine built with CUDA: " + yesNo(e.hasCapability(StandardCapabilities.CUDA))
        : "no (libcudart not found on LD_LIBRARY_PATH, or no GPU)");
    f.put("cudnn", yesNo(e.hasCapability(StandardCapabilities.CUDNN)));
    f.put("mkl / mkldnn / openmp", yesNo(e.hasCapability(StandardCapabilities.MKL)) + " / "
        + yesNo(e.hasCapability(StandardCapabilities.MKLDNN)) + " / "
        + yesNo(e.hasCapability(StandardCapabilities.OPENMP)));
    f.put("threads", JniUtils.getNumThreads() + " intra-op, " + JniUtils.getNumInteropThreads()
        + " inter-op; " + Runtime.getRuntime().availableProcessors() + " processors");
    f.put("java heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB max");
    return f;
  }

  /** {@code cpu}, {@code cu128}, ... from the libtorch DJL loaded (its cache folder's name) or PYTORCH_FLAVOR. */
  public static String flavour() {
    Matcher m = CACHED_LIBTORCH.matcher(String.valueOf(LibUtils.getLibtorchPath()));
    if (m.find()) {
      return m.group(1) + (m.group(2) != null ? m.group(2) : "");
    }
    String env = System.getenv("PYTORCH_FLAVOR");
    return env != null ? env + " (PYTORCH_FLAVOR)" : "unknown";
  }

  private static int gpuCount() {
    return Engine.getInstance().getGpuCount();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
