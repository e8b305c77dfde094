package org.cellarena.web.api;

import org.cellarena.web.http.Replies;
import org.cellarena.web.store.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.core.Handler;

/** What an operator and a load balancer ask a node: is it healthy, and its Prometheus metrics. */
public final class OperationsApi {
  private static final int DATABASE_SECONDS = 2;

  private final Database database;
  private final PrometheusMeterRegistry metrics;

  public OperationsApi(Database database, PrometheusMeterRegistry metrics) {
    this.database = database;
    this.metrics = metrics;
  }

  /**
   * GET /api/health: 200 {@code {"status": "ok", "database": "reachable"}}, or 503 with {@code "unavailable"} and
   * {@code "unreachable"} when this node cannot reach its database within 2 s (a load balancer then takes it out).
   */
  void health(RoutingContext ctx) {
    ctx.vertx().executeBlocking(() -> database.reachable(DATABASE_SECONDS), false).onComplete(ar -> {
      boolean up = ar.succeeded() && ar.result();
      Replies.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "ok" : "unavailable")
          .put("database", up ? "reachable" : "unreachable"));
    });
  }

  /** GET /metrics: the Prometheus text format. */
  Handler<RoutingContext> metrics() {
    return PrometheusScrapingHandler.create(metrics);
  }
}
