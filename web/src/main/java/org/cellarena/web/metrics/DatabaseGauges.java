package org.cellarena.web.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.ScoringWorkers;
import org.cellarena.web.store.Leases;

/**
 * The gauges that describe the whole deployment, read from the database every {@link #EVERY_MILLIS} ms (off
 * the event loop, so a scrape never waits on the database): the queue depth per competition and the scoring
 * workers alive, on any machine.
 */
public final class DatabaseGauges {
  static final long EVERY_MILLIS = 5000;

  private final Vertx vertx;
  private final Leases leases;
  private final ScoringWorkers workers;
  private final Map<String, AtomicInteger> depth = new ConcurrentHashMap<>();
  private final AtomicInteger workersAlive = new AtomicInteger();
  private final AtomicInteger threadsAlive = new AtomicInteger();
  private static final Logger LOG = Logger.getLogger(DatabaseGauges.class.getName());

  public DatabaseGauges(Vertx vertx, Database db, Competitions competitions, MeterRegistry registry) {
    this.vertx = vertx;
    this.leases = new Leases(db);
    this.workers = new ScoringWorkers(db);
    for (Competition c : competitions.all()) {
      AtomicInteger n = new AtomicInteger();
      depth.put(c.id(), n);
      Gauge.builder("cellarena.queue.depth", n, AtomicInteger::get)
          .description("Submissions waiting to be scored").tag("competition", c.id()).register(registry);
    }
    Gauge.builder("cellarena.workers", workersAlive, AtomicInteger::get)
        .description("Scoring processes alive (a heartbeat within three leases), on any machine").register(registry);
    Gauge.builder("cellarena.worker.threads", threadsAlive, AtomicInteger::get)
        .description("Scoring threads of the processes alive").register(registry);
  }

  /** Reads the figures now and then every few seconds. */
  public void start() {
    refresh();
    vertx.setPeriodic(EVERY_MILLIS, t -> vertx.executeBlocking(() -> {
      refresh();
      return null;
    }, false));
  }

  private void refresh() {
    try {
      Map<String, Integer> queued = leases.queuedByCompetition();
      depth.forEach((competition, n) -> n.set(queued.getOrDefault(competition, 0)));
      ScoringWorkers.Alive alive =
          workers.alive(Instant.now().minus(ScoringQueue.DEFAULT_LEASE.multipliedBy(3)));
      workersAlive.set(alive.workers());
      threadsAlive.set(alive.threads());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "could not read the gauges from the database", e);
    }
  }
}
