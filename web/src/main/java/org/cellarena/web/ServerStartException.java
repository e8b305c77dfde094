package org.cellarena.web;

/** The server could not start; the message says why in one line. */
public final class ServerStartException extends RuntimeException {
  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
