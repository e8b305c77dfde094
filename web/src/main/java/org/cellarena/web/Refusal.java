package org.cellarena.web;

import io.vertx.core.json.JsonObject;

/**
 * A request the server turns down, with the HTTP status and the message the caller sees (and, optionally,
 * extra fields for the JSON answer, such as when to retry). The command line prints the message on one line.
 */
public class Refusal extends RuntimeException {
  private final int status;
  private final JsonObject extra;

  public Refusal(int status, String message) {
    this(status, message, new JsonObject());
  }

  public Refusal(int status, String message, JsonObject extra) {
    super(message, null, false, false);
    this.status = status;
    this.extra = extra;
  }

  public int status() {
    return status;
  }

  /** Extra fields of the JSON error answer. */
  public JsonObject extra() {
    return extra;
  }

  public static Refusal notFound(String message) {
    return new Refusal(404, message);
  }

  public static Refusal badRequest(String message) {
    return new Refusal(400, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(409, message);
  }
}
