package org.cellarena.web.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds what idle or half-sent connections can hold: at most {@code perAddress} open at once from one address
 * (more are closed as they come), and a connection whose first request's headers have not all arrived
 * {@code headerMillis} after it opened is closed. Shared by the server's event loops.
 */
public final class ConnectionGuard {
  private final int perAddress;
  private final long headerMillis;
  private final Map<String, Integer> open = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Long> awaitingHeaders = new ConcurrentHashMap<>();

  public ConnectionGuard(int perAddress, long headerMillis) {
    this.perAddress = perAddress;
    this.headerMillis = headerMillis;
  }

  /** A new connection: counted, closed at once over the cap, else given its deadline for the headers. */
  void opened(Vertx vertx, HttpConnection connection) {
    String address = connection.remoteAddress().hostAddress();
    int count = open.merge(address, 1, Integer::sum);
    long timer = vertx.setTimer(headerMillis, t -> {
      if (awaitingHeaders.remove(connection) != null) {
        connection.close();
      }
    });
    awaitingHeaders.put(connection, timer);
    connection.closeHandler(v -> {
      open.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
      Long pending = awaitingHeaders.remove(connection);
      if (pending != null) {
        vertx.cancelTimer(pending);
      }
    });
    if (count > perAddress) {
      connection.close();
    }
  }

  /** A request's headers arrived: its connection has met its deadline. */
  void headersArrived(Vertx vertx, HttpServerRequest request) {
    Long pending = awaitingHeaders.remove(request.connection());
    if (pending != null) {
      vertx.cancelTimer(pending);
    }
  }

  /** Connections open from {@code address} now. */
  public int openFrom(String address) {
    return open.getOrDefault(address, 0);
  }
}
