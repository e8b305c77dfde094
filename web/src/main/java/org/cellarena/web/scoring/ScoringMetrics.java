package org.cellarena.web.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** What the scoring threads of this process did, for Prometheus: scoring time by competition and outcome. */
final class ScoringMetrics {
  private final MeterRegistry registry;
  private final Counter discarded;
  private final Counter handedBack;

  ScoringMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.discarded = Counter.builder("cellarena.scoring.discarded")
        .description("Results discarded because their lease had expired (another worker scores the submission)")
        .register(registry);
    this.handedBack = Counter.builder("cellarena.scoring.handed.back")
        .description("Submissions the light lane gave up on at its time limit, queued again for the other threads")
        .register(registry);
  }

  void scored(String competition, boolean failed, double seconds) {
    Timer.builder("cellarena.scoring")
        .description("Time to read and score one submission, by outcome (scored or failed)")
        .tag("competition", competition).tag("outcome", failed ? "failed" : "scored")
        .register(registry).record((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
  }

  void discarded() {
    discarded.increment();
  }

  void handedBack() {
    handedBack.increment();
  }
}
