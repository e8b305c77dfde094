package org.cellarena.web.api;

import org.cellarena.web.http.Caller;
import org.cellarena.web.http.Access;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.store.Submissions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.cellarena.web.store.Status;

/**
 * GET /api/submissions/:sid/events: the submission's status as server-sent events. Each change (and each move
 * up the queue) is one {@code event: status} whose data is the same JSON as GET /api/submissions/:sid; the
 * stream ends after scored or failed. A comment line every 15 s keeps proxies from closing it.
 */
public final class StatusStream {
  private static final long POLL_MS = 1000;
  private static final long KEEPALIVE_MS = 15_000;

  private final Lookup lookup;
  private final Submissions submissions;
  private final SubmissionApi views;

  public StatusStream(Lookup lookup, Submissions submissions, SubmissionApi views) {
    this.lookup = lookup;
    this.submissions = submissions;
    this.views = views;
  }

  /** The event-bus address on which a submission's status changes are published (the body is its competition). */
  public static String address(long submissionId) {
    return "cellarena.submission." + submissionId;
  }

  void stream(RoutingContext ctx) {
    Caller caller = Access.caller(ctx);
    String sid = ctx.pathParam("sid");
    // the first lookup answers 404 as JSON before the stream starts
    ctx.vertx().executeBlocking(() -> lookup.submission(sid, caller), false).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      new Subscription(ctx, ar.result().id(), caller).start();
    });
  }

  /** One open stream. */
  private final class Subscription {
    private final RoutingContext ctx;
    private final long id;
    private final Caller caller;
    private final HttpServerResponse response;
    private MessageConsumer<Object> consumer;
    private long pollTimer;
    private long keepaliveTimer;
    private long asked;
    private long answered;
    private String lastSent;
    private boolean closed;

    Subscription(RoutingContext ctx, long id, Caller caller) {
      this.ctx = ctx;
      this.id = id;
      this.caller = caller;
      this.response = ctx.response();
    }

    void start() {
      response.setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY) // compression would hold events back
          .putHeader("X-Accel-Buffering", "no");
      response.write(": submission " + id + "\n\n");
      response.closeHandler(v -> close());
      consumer = ctx.vertx().eventBus().consumer(address(id), m -> refresh());
      pollTimer = ctx.vertx().setPeriodic(POLL_MS, t -> refresh());
      keepaliveTimer = ctx.vertx().setPeriodic(KEEPALIVE_MS, t -> {
        if (!closed) {
          response.write(": keep-alive\n\n");
        }
      });
      refresh();
    }

    private void refresh() {
      if (closed) {
        return;
      }
      long ask = ++asked;
      ctx.vertx().executeBlocking(() -> submissions.find(id).map(s -> views.statusJson(s, caller)),
          false).onComplete(ar -> {
            if (closed || ask < answered || ar.failed() || ar.result().isEmpty()) {
              return;
            }
            answered = ask;
            JsonObject status = ar.result().get();
            String data = status.encode();
            if (!data.equals(lastSent)) {
              lastSent = data;
              response.write("event: status\ndata: " + data + "\n\n");
            }
            if (Status.of(status.getString("status")).isFinal()) {
              response.end();
              close();
            }
          });
    }

    private void close() {
      if (closed) {
        return;
      }
      closed = true;
      ctx.vertx().cancelTimer(pollTimer);
      ctx.vertx().cancelTimer(keepaliveTimer);
      if (consumer != null) {
        consumer.unregister();
      }
    }
  }
}
