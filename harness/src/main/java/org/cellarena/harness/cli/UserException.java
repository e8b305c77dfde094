package org.cellarena.harness.cli;

/** A problem with what the user asked for or gave (a missing file, bad data): printed as is, exit code 2. */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }
}
