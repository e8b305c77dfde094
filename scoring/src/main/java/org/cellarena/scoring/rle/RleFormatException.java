package org.cellarena.scoring.rle;

/** A run-length encoding that does not describe a valid mask; the message says what is wrong. */
public final class RleFormatException extends IllegalArgumentException {
  public RleFormatException(String message) {
    super(message);
  }
}
