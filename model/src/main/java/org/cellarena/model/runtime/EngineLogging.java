package org.cellarena.model.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * libtorch's own log, quiet unless asked for. libtorch writes its c10 {@code LOG(WARNING)} lines to stderr: on a CPU
 * without NNPACK support "Could not initialize NNPACK! Reason: Unsupported hardware." comes thousands of times in a
 * training run. PyTorch reads {@code TORCH_CPP_LOG_LEVEL} only when its Python module starts (c10::initLogging);
 * under DJL nothing does, so this sets c10's level ({@code FLAGS_caffe2_log_level} in libc10) itself, from
 * {@code TORCH_CPP_LOG_LEVEL} when given (INFO, WARNING, ERROR, FATAL or 0..3), else ERROR.
 */
public final class EngineLogging {
  /** The environment variable PyTorch documents for its C++ log level. */
  public static final String LEVEL_VARIABLE = "TORCH_CPP_LOG_LEVEL";
  private static final int ERROR = 2;
  private static boolean applied;

  private EngineLogging() {}

  /** Sets libtorch's log level once per process, loading the engine if need be; a no-op on other engines. */
  public static synchronized void apply() {
    if (applied) {
      return;
    }
    applied = true;
    if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
      return;
    }
    levelFlag().setInt(0, level(System.getenv(LEVEL_VARIABLE)));
  }

  /** The c10 level of a {@code TORCH_CPP_LOG_LEVEL} value: ERROR when absent or not understood. */
  static int level(String value) {
    if (value == null) {
      return ERROR;
    }
    return switch (value.strip().toUpperCase(Locale.ROOT)) {
      case "INFO", "0" -> 0;
      case "WARNING", "1" -> 1;
      case "ERROR", "2" -> 2;
      case "FATAL", "3" -> 3;
      default -> ERROR;
    };
  }

  /** The level libtorch logs at now (0 INFO .. 3 FATAL). */
  static int current() {
    return levelFlag().getInt(0);
  }

  /** c10's global {@code int FLAGS_caffe2_log_level}, in the libc10 that DJL has loaded. */
  private static Pointer levelFlag() {
    Path c10 = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("c10"));
    return NativeLibrary.getInstance(c10.toString()).getGlobalVariableAddress("FLAGS_caffe2_log_level");
  }
}
