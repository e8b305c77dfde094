package org.cellarena.web.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.DatabaseUnavailableException;

/** Answers: JSON replies, blocking work moved off the event loop, and every error as JSON. */
public final class Replies {
  private static final Logger LOG = Logger.getLogger(Replies.class.getName());
  private static final int DATABASE_RETRY_SECONDS = 5;

  private Replies() {}

  /** Runs blocking work on a worker thread and answers its JSON with {@code status}. */
  public static void json(RoutingContext ctx, int status, Callable<JsonObject> work) {
    ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
      if (ar.succeeded()) {
        json(ctx, status, ar.result());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(body.encode());
    }
  }

  /**
   * The failure handler of {@code /api/*}: a {@link Refusal} or an HTTP status becomes a JSON error.
   *
   * @param uploadLimitMb the body limit, named in the 413 answer
   */
  public static void failure(RoutingContext ctx, long uploadLimitMb) {
    if (ctx.response().ended()) {
      return;
    }
    Throwable cause = ctx.failure();
    if (cause instanceof Refusal r) {
      refuse(ctx, r);
      return;
    }
    if (cause instanceof DatabaseUnavailableException) {
      LOG.log(Level.WARNING, "database unavailable: " + ctx.request().method() + " " + ctx.request().path(), cause);
      ctx.response().putHeader("Retry-After", String.valueOf(DATABASE_RETRY_SECONDS));
      String message = "the server's database is unavailable for a moment and the request did not complete; "
          + "try again in " + DATABASE_RETRY_SECONDS + " s";
      json(ctx, 503, error(503, message).put("retry_after_seconds", DATABASE_RETRY_SECONDS));
      return;
    }
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (status >= 500) {
      LOG.log(Level.SEVERE, "failed: " + ctx.request().method() + " " + ctx.request().path(), cause);
    }
    json(ctx, status, error(status, standardMessage(ctx, status, uploadLimitMb)));
  }

  /** The status code of a refusal's reason: the one place where a {@link Refusal.Reason} becomes HTTP. */
  public static int status(Refusal.Reason reason) {
    return switch (reason) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case TOO_MANY -> 429;
      case BUSY -> 503;
      case NO_SPACE -> 507;
    };
  }

  private static void refuse(RoutingContext ctx, Refusal r) {
    int status = status(r.reason());
    JsonObject body = error(status, r.getMessage());
    if (r.retryAt() != null) {
      body.put("retry_at", r.retryAt().toString());
    }
    if (r.retryAfterSeconds() > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(r.retryAfterSeconds()));
      body.put("retry_after_seconds", r.retryAfterSeconds());
    }
    json(ctx, status, body);
  }

  /** The request's body as a JSON object (read by a body handler before); 400 when it is not one. */
  public static JsonObject jsonBody(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw Refusal.badRequest("send a JSON object");
      }
      return body;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw Refusal.badRequest("the body is not a JSON object");
    }
  }

  static JsonObject error(int status, String message) {
    return new JsonObject().put("error", message).put("status", status);
  }

  private static String standardMessage(RoutingContext ctx, int status, long uploadLimitMb) {
    return switch (status) {
      case 400 -> "bad request" + (ctx.failure() == null ? "" : ": " + ctx.failure().getMessage());
      case 404 -> "no such endpoint: " + ctx.request().path() + " (see web/API.md)";
      case 405 -> ctx.request().method() + " is not allowed on " + ctx.request().path();
      case 413 -> "the request body is larger than the server's limit of " + uploadLimitMb + " MB";
      case 415 -> "unsupported content type";
      default -> "internal error; the host can find it in the server log";
    };
  }
}
