package org.cellarena.web.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a bearer token's hash, or a client's address): {@code perMinute} requests a minute, in
 * bursts of up to as many. Buckets that have filled up again are forgotten once there are many keys.
 */
public final class RateLimiter {
  private static final int FORGET_ABOVE = 10_000;

  private final int perMinute;
  private final double capacity;
  private final double refillPerNano;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute) {
    this.perMinute = perMinute;
    this.capacity = perMinute;
    this.refillPerNano = perMinute / 60e9;
  }

  /** The requests a key may make a minute. */
  public int perMinute() {
    return perMinute;
  }

  /** Takes one request from the key's bucket: 0 when allowed, else the milliseconds until one is. */
  public long acquire(String key) {
    long now = System.nanoTime();
    if (buckets.size() > FORGET_ABOVE) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket()).take(now);
  }

  private final class Bucket {
    private double tokens = capacity;
    private long last = System.nanoTime();

    synchronized boolean isFull(long now) {
      return tokens + (now - last) * refillPerNano >= capacity;
    }

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
