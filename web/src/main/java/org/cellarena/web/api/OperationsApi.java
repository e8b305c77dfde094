package org.cellarena.web.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.core.Handler;
import org.cellarena.web.Services;

/** What an operator and a load balancer ask a node: is it healthy, and its Prometheus metrics. */
final class OperationsApi {
  private static final int DATABASE_SECONDS = 2;

  private final Services services;

  OperationsApi(Services services) {
    this.services = services;
  }

  /**
   * GET /api/health: 200 {@code {"status": "ok", "database": "reachable"}}, or 503 with {@code "unavailable"} and
   * {@code "unreachable"} when this node cannot reach its database within 2 s (a load balancer then takes it out).
   */
  void health(RoutingContext ctx) {
    ctx.vertx().executeBlocking(() -> services.database().reachable(DATABASE_SECONDS), false).onComplete(ar -> {
      boolean up = ar.succeeded() && ar.result();
      Replies.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "ok" : "unavailable")
          .put("database", up ? "reachable" : "unreachable"));
    });
  }

  /** GET /metrics: the Prometheus text format. */
  Handler<RoutingContext> metrics() {
    return PrometheusScrapingHandler.create(services.metrics());
  }
}
