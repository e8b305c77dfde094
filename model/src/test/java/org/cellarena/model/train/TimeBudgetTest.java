package org.cellarena.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The clock the budget-based schedule reads ({@link Schedule#lrInBudget} gets {@link TimeBudget#fractionSpent}):
 * the fraction is of the training time, the budget less the time kept for the last validation and save.
 */
class TimeBudgetTest {

  @Test
  void withoutABudgetNothingIsSpent() {
    TimeBudget none = new TimeBudget(0);
    assertFalse(none.limited());
    assertFalse(none.spent());
    assertEquals(0, none.fractionSpent());
    assertEquals(Double.POSITIVE_INFINITY, none.trainingSecondsLeft());
  }

  @Test
  void theReserveForTheLastValidationComesOffTheTrainingTime() throws InterruptedException {
    TimeBudget b = new TimeBudget(2.0 / 60); // 2 s
    assertTrue(b.limited());
    assertFalse(b.spent());
    assertTrue(b.fractionSpent() < 0.5, "just started: " + b.fractionSpent());
    Thread.sleep(200);
    double before = b.fractionSpent(); // about 0.2 s of 2 s
    b.reserve(1_000_000_000L); // the last validation took 1 s: 1 s of training time in all
    double after = b.fractionSpent();
    assertTrue(after >= 1.9 * before, before + " -> " + after); // about 0.2 s of 1 s
    assertTrue(b.trainingSecondsLeft() <= 0.8, "left " + b.trainingSecondsLeft());
    b.reserve(2_000_000_000L); // as long as the whole budget: training is over
    assertTrue(b.spent());
    assertEquals(1, b.fractionSpent());
    assertEquals(0, b.trainingSecondsLeft());
  }
}
