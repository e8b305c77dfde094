package org.cellarena.web.api;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.cellarena.web.Services;
import org.cellarena.web.store.Status;

/**
 * GET /api/submissions/:sid/events: the submission's status as server-sent events. Each change (and each move
 * up the queue) is one {@code event: status} whose data is the same JSON as GET /api/submissions/:sid; the
 * stream ends after scored or failed. A comment line every 15 s keeps proxies from closing it.
 */
final class StatusStream {
  private static final long POLL_MS = 1000;
  private static final long KEEPALIVE_MS = 15_000;

  private final Services services;
  private final SubmissionApi submissions;

  StatusStream(Services services, SubmissionApi submissions) {
    this.services = services;
    this.submissions = submissions;
  }

  void stream(RoutingContext ctx) {
    Caller caller = Access.caller(ctx);
    String sid = ctx.pathParam("sid");
    // the first lookup answers 404 as JSON before the stream starts
    ctx.vertx().executeBlocking(() -> SubmissionView.find(services, sid, caller), false).onComplete(ar -> {
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
      consumer = services.vertx().eventBus().consumer(Services.statusAddress(id), m -> refresh());
      pollTimer = services.vertx().setPeriodic(POLL_MS, t -> refresh());
      keepaliveTimer = services.vertx().setPeriodic(KEEPALIVE_MS, t -> {
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
      ctx.vertx().executeBlocking(() -> services.submissions().find(id).map(s -> submissions.statusJson(s, caller)),
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
      services.vertx().cancelTimer(pollTimer);
      services.vertx().cancelTimer(keepaliveTimer);
      if (consumer != null) {
        consumer.unregister();
      }
    }
  }
}
