package org.cellarena.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;

/** The overlays' cache of parsed submissions: one parse per submission, bounded by the masks it holds. */
class ParsedSubmissionsTest {
  private static Submission withMasks(int n) {
    List<RunMask> masks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      masks.add(RunMask.ofRuns(new int[] {i}, new int[] {1}, 100, 100));
    }
    return new Submission(Map.of("img", masks));
  }

  @Test
  void concurrentRequestsForOneSubmissionParseItOnce() throws Exception {
    ParsedSubmissions cache = new ParsedSubmissions(1000);
    AtomicInteger parses = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Submission parsed = withMasks(3);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Submission>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> cache.get(7, () -> {
          parses.incrementAndGet();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return parsed;
        })));
      }
      Thread.sleep(200); // all four are asking while the first parse is under way
      release.countDown();
      for (Future<Submission> answer : answers) {
        assertSame(parsed, answer.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, parses.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCacheIsBoundedByItsMasksAndAFailedParseIsNotKept() {
    ParsedSubmissions cache = new ParsedSubmissions(10);
    AtomicInteger parses = new AtomicInteger();
    cache.get(1, () -> { parses.incrementAndGet(); return withMasks(4); });
    cache.get(2, () -> { parses.incrementAndGet(); return withMasks(4); });
    assertEquals(2, cache.size());
    cache.get(1, () -> { parses.incrementAndGet(); return withMasks(4); }); // 1 is now the most recent
    assertEquals(2, parses.get());
    cache.get(3, () -> { parses.incrementAndGet(); return withMasks(4); }); // 12 masks: 2 goes
    assertEquals(2, cache.size());
    cache.get(1, () -> { parses.incrementAndGet(); return withMasks(4); });
    assertEquals(3, parses.get(), "1 was kept");
    cache.get(2, () -> { parses.incrementAndGet(); return withMasks(4); });
    assertEquals(4, parses.get(), "2 was dropped");

    cache.get(9, () -> withMasks(11)); // more than the bound alone: answered, not kept, nothing else kept
    assertEquals(0, cache.size());

    assertThrows(IllegalStateException.class, () -> cache.get(5, () -> { throw new IllegalStateException("bad"); }));
    assertEquals(0, cache.size());
    assertEquals(1, cache.get(5, () -> withMasks(1)).maskCount());
  }
}
