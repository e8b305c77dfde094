package org.cellarena.web.refusal;

import java.time.Instant;

/**
 * A request the server turns down, with why ({@link Reason}) and the message the caller sees; optionally when
 * to try again. Any layer may throw it (a store, the files, the queue); the HTTP layer alone decides the status
 * code each reason gets. The command line prints the message on one line.
 */
public class Refusal extends RuntimeException {
  /** Why a request is turned down. */
  public enum Reason {
    /** The request itself is malformed or out of range. */
    INVALID,
    /** No credentials, or credentials that are not valid. */
    UNAUTHENTICATED,
    /** The caller may not do this. */
    FORBIDDEN,
    NOT_FOUND,
    /** It clashes with the current state (a name taken, a submission not scored yet). */
    CONFLICT,
    TOO_LARGE,
    /** The caller is over a limit; {@link #retryAfterSeconds} says when it can try again. */
    TOO_MANY,
    /** The server is busy with other work; trying again later may succeed. */
    BUSY,
    /** The server's disk is nearly full. */
    NO_SPACE
  }

  private final Reason reason;
  private final long retryAfterSeconds;
  private final Instant retryAt;

  public Refusal(Reason reason, String message) {
    this(reason, message, 0, null);
  }

  /**
   * @param retryAfterSeconds when the caller may try again, in seconds; 0 when it need not be said
   * @param retryAt the instant the limit resets, or null
   */
  public Refusal(Reason reason, String message, long retryAfterSeconds, Instant retryAt) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
    this.retryAt = retryAt;
  }

  public Refusal(Reason reason, String message, long retryAfterSeconds) {
    this(reason, message, retryAfterSeconds, null);
  }

  public Reason reason() {
    return reason;
  }

  /** Seconds after which the caller may try again; 0 when not said. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** When the caller's limit resets, or null. */
  public Instant retryAt() {
    return retryAt;
  }

  public static Refusal notFound(String message) {
    return new Refusal(Reason.NOT_FOUND, message);
  }

  public static Refusal badRequest(String message) {
    return new Refusal(Reason.INVALID, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Reason.CONFLICT, message);
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Reason.FORBIDDEN, message);
  }
}
