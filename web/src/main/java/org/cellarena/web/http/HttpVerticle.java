package org.cellarena.web.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server on its own event loop. The server deploys several on the same port (Vert.x spreads the
 * connections over them), so that a large upload being read on one loop does not hold up requests on another.
 */
public final class HttpVerticle extends VerticleBase {
  private final Router router;
  private final String host;
  private final int port;
  private final ConnectionGuard guard;
  private final long idleSeconds;

  /**
   * @param guard the connection limits, shared by every instance
   * @param idleSeconds a connection without a byte either way for this long is closed
   */
  public HttpVerticle(Router router, String host, int port, ConnectionGuard guard, long idleSeconds) {
    this.router = router;
    this.host = host;
    this.port = port;
    this.guard = guard;
    this.idleSeconds = idleSeconds;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true)
        .setIdleTimeout((int) idleSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setHttp2ClearTextEnabled(false); // h2c sniffing would hide a connection until its first bytes decode
    guard.start(vertx);
    return vertx.createHttpServer(options)
        .connectionHandler(guard::opened)
        .requestHandler(request -> {
          guard.headersArrived(request);
          router.handle(request);
        })
        .listen(port, host);
  }
}
