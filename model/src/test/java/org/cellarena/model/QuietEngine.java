package org.cellarena.model;

import org.cellarena.model.runtime.EngineLogging;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class of this module (META-INF/services, junit-platform.properties): libtorch is quiet
 * before a test touches the engine, as it is in {@code train} and {@code predict}.
 */
public final class QuietEngine implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    EngineLogging.apply();
  }
}
