package org.cellarena.web.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * One HTTP server on its own event loop. The server deploys several on the same port (Vert.x spreads the
 * connections over them), so that a large upload being read on one loop does not hold up requests on another.
 */
public final class HttpVerticle extends VerticleBase {
  private final Router router;
  private final String host;
  private final int port;

  public HttpVerticle(Router router, String host, int port) {
    this.router = router;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(router)
        .listen(port, host);
  }
}
