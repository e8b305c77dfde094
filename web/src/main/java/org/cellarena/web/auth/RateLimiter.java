package org.cellarena.web.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a bearer token's hash): {@code perMinute} requests a minute, in bursts of up to as
 * many.
 */
public final class RateLimiter {
  private final double capacity;
  private final double refillPerNano;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute) {
    this.capacity = perMinute;
    this.refillPerNano = perMinute / 60e9;
  }

  /** Takes one request from the key's bucket: 0 when allowed, else the milliseconds until one is. */
  public long acquire(String key) {
    return buckets.computeIfAbsent(key, k -> new Bucket()).take(System.nanoTime());
  }

  private final class Bucket {
    private double tokens = capacity;
    private long last = System.nanoTime();

    synchronized long take(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * refillPerNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / refillPerNano / 1e6);
    }
  }
}
