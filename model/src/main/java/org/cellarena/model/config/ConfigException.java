package org.cellarena.model.config;

/** A configuration that cannot be used: missing file, bad JSON, unknown or ill-typed key. One-line message. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
