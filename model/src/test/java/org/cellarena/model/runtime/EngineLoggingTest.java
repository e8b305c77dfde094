package org.cellarena.model.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** libtorch's log level: TORCH_CPP_LOG_LEVEL as PyTorch documents it, ERROR by default, set in the loaded libc10. */
class EngineLoggingTest {
  @Test
  void readsTheLevelsPyTorchDocuments() {
    assertEquals(2, EngineLogging.level(null));
    assertEquals(0, EngineLogging.level("info"));
    assertEquals(1, EngineLogging.level(" WARNING "));
    assertEquals(1, EngineLogging.level("1"));
    assertEquals(3, EngineLogging.level("FATAL"));
    assertEquals(2, EngineLogging.level("loud"), "not understood: quiet");
  }

  @Test
  void theLoadedEngineLogsAtTheChosenLevel() {
    EngineLogging.apply();
    assertEquals(EngineLogging.level(System.getenv(EngineLogging.LEVEL_VARIABLE)), EngineLogging.current(),
        "libtorch starts at WARNING (1); apply() set it");
  }
}
