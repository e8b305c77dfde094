package org.cellarena.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Bounds what idle or half-sent connections can hold: at most {@code perAddress} open at once from one address
 * (more are closed as they come), and a connection whose first request's headers have not all arrived
 * {@code headerMillis} after it opened is closed by a sweep. Shared by the server's event loops.
 */
public final class ConnectionGuard {
  private final int perAddress;
  private final long headerMillis;
  private final Map<String, Integer> open = new ConcurrentHashMap<>();
  /** Connections still waiting for their first request's headers, with their deadline (nanoTime). */
  private final Map<HttpConnection, Long> awaitingHeaders = new ConcurrentHashMap<>();

  public ConnectionGuard(int perAddress, long headerMillis) {
    this.perAddress = perAddress;
    this.headerMillis = headerMillis;
  }

  /** Sweeps the late connections every so often, on {@code vertx}'s current context (a verticle's). */
  void start(Vertx vertx) {
    vertx.setPeriodic(Math.max(50, Math.min(1000, headerMillis / 4)), t -> closeLate(System.nanoTime()));
  }

  /** A new connection: counted, closed at once over the cap, else given its deadline for the headers. */
  void opened(HttpConnection connection) {
    String address = connection.remoteAddress().hostAddress();
    int count = open.merge(address, 1, Integer::sum);
    connection.closeHandler(v -> {
      open.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
      awaitingHeaders.remove(connection);
    });
    if (count > perAddress) {
      drop(connection);
    } else {
      awaitingHeaders.put(connection, System.nanoTime() + headerMillis * 1_000_000);
    }
  }

  /** A request's headers arrived: its connection has met its deadline. */
  void headersArrived(HttpServerRequest request) {
    awaitingHeaders.remove(request.connection());
  }

  /**
   * Closes the socket at once: {@code HttpConnection.close()} is a graceful shutdown that waits for the
   * half-sent request to end, which it never does.
   */
  private static void drop(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      base.channel().close();
    } else {
      connection.close();
    }
  }

  private void closeLate(long now) {
    awaitingHeaders.forEach((connection, deadline) -> {
      if (now - deadline > 0 && awaitingHeaders.remove(connection, deadline)) {
        drop(connection);
      }
    });
  }
}
