package org.cellarena.web;

import java.time.Duration;

/**
 * What bounds the work and the resources a hostile client can take: connections, gzip bombs, the disk. Start from
 * {@link #DEFAULTS} and change what differs with the {@code with...} methods.
 *
 * @param headerTimeout how long a client has to send a request's headers, from its connection or its previous
 *     answer (a slowloris is closed then)
 * @param idleTimeout how long a connection may stay without a byte sent either way before it is closed
 * @param connectionsPerAddress the most connections open at once from one address; more are closed at once
 * @param maxCompressionRatio the most bytes a gzip upload may decompress to per compressed byte
 * @param freeSpaceMarginBytes the free space uploads must leave on the data dir's disk (507 below it)
 */
public record Safeguards(Duration headerTimeout, Duration idleTimeout, int connectionsPerAddress,
    int maxCompressionRatio, long freeSpaceMarginBytes) {

  /** 20 s for headers, 60 s idle, 256 connections per address, 100:1, 256 MB free. */
  public static final Safeguards DEFAULTS =
      new Safeguards(Duration.ofSeconds(20), Duration.ofSeconds(60), 256, 100, 256 * ServerConfig.MB);

  public Safeguards withHeaderTimeout(Duration value) {
    return new Safeguards(value, idleTimeout, connectionsPerAddress, maxCompressionRatio, freeSpaceMarginBytes);
  }

  public Safeguards withIdleTimeout(Duration value) {
    return new Safeguards(headerTimeout, value, connectionsPerAddress, maxCompressionRatio, freeSpaceMarginBytes);
  }

  public Safeguards withConnectionsPerAddress(int value) {
    return new Safeguards(headerTimeout, idleTimeout, value, maxCompressionRatio, freeSpaceMarginBytes);
  }

  public Safeguards withMaxCompressionRatio(int value) {
    return new Safeguards(headerTimeout, idleTimeout, connectionsPerAddress, value, freeSpaceMarginBytes);
  }

  public Safeguards withFreeSpaceMargin(long bytes) {
    return new Safeguards(headerTimeout, idleTimeout, connectionsPerAddress, maxCompressionRatio, bytes);
  }
}
