package org.cellarena.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the schedule reads ({@link Schedule#lrInBudget} gets {@link Budget#fractionSpent}) and when a run stops,
 * on a clock the test moves by hand.
 */
class BudgetTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(1000 * SECOND);

  @Test
  void withoutABudgetNothingIsSpent() {
    Budget none = new Budget(0, 0, now::get);
    assertFalse(none.limited());
    now.addAndGet(3600 * SECOND);
    assertFalse(none.spent(1_000_000));
    assertEquals(0, none.fractionSpent(1_000_000));
    assertEquals(Double.POSITIVE_INFINITY, none.secondsLeft(10, 1.0));
    assertEquals("", none.describe());
  }

  @Test
  void iterationsAreTheWorkWhateverTheClockSays() {
    Budget b = new Budget(250, 0, now::get);
    assertTrue(b.byIterations() && !b.timed());
    now.addAndGet(3600 * SECOND); // a very busy machine: an hour for nothing
    assertEquals(0.4, b.fractionSpent(100), 1e-12);
    assertFalse(b.spent(249));
    assertTrue(b.spent(250) && b.iterationsDone(250));
    assertEquals(150 * 0.5, b.secondsLeft(100, 0.5), 1e-9);
    assertEquals("250 iterations", b.describe());
  }

  @Test
  void withIterationsTheMinutesAreOnlyACap() {
    Budget b = new Budget(250, 15, now::get);
    now.addAndGet(60 * SECOND);
    assertEquals(0.2, b.fractionSpent(50), 1e-12, "the schedule follows the iterations, not the clock");
    assertFalse(b.spent(50));
    assertEquals(10, b.secondsLeft(240, 1.0), 1e-9, "10 iterations left at 1 s, well inside the cap");
    now.addAndGet(14 * 60 * SECOND);
    assertTrue(b.spent(180) && b.clockSpent() && !b.iterationsDone(180), "the cap cuts a slow run short");
    assertEquals("250 iterations, at most 15 minutes", b.describe());
    assertEquals("the 15-minute cap", b.capName());
  }

  @Test
  void theReserveForTheLastValidationComesOffTheTrainingTime() {
    Budget b = new Budget(0, 2.0 / 60, now::get); // 2 s
    assertTrue(b.timed() && !b.byIterations());
    now.addAndGet(SECOND / 5);
    assertEquals(0.1, b.fractionSpent(7), 1e-9, "0.2 s of 2 s");
    b.reserve(SECOND); // the last validation took 1 s: 1 s of training time in all
    assertEquals(0.2, b.fractionSpent(7), 1e-9, "0.2 s of 1 s");
    assertEquals(0.8, b.secondsLeft(7, 1.0), 1e-9);
    assertFalse(b.spent(7));
    b.reserve(2 * SECOND); // as long as the whole budget: training is over
    assertTrue(b.spent(7));
    assertEquals(1, b.fractionSpent(7));
    assertEquals(0, b.secondsLeft(7, 1.0));
  }

  @Test
  void budgetsAreNamedAsTheyWereTyped() {
    assertEquals("4 minutes", new Budget(0, 4, now::get).describe());
    assertEquals("1 minute", new Budget(0, 1, now::get).describe());
    assertEquals("1 iteration, at most 0.5 minutes", new Budget(1, 0.5, now::get).describe());
    assertEquals("the 0.5-minute cap", new Budget(10, 0.5, now::get).capName());
  }

  @Test
  void negativeBudgetsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Budget(-1, 0, now::get));
    assertThrows(IllegalArgumentException.class, () -> new Budget(0, -0.5, now::get));
  }
}
