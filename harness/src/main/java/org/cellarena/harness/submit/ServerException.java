package org.cellarena.harness.submit;

import java.io.IOException;

/** The server could not be reached or refused a request; the message says which and why (its JSON error). */
public class ServerException extends IOException {
  public ServerException(String message) {
    super(message);
  }
}
