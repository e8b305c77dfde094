package org.cellarena.web.competition;

/** A competition folder that cannot be served; the message says which file and what is wrong. */
public final class CompetitionException extends RuntimeException {
  public CompetitionException(String message) {
    super(message);
  }
}
