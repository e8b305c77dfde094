package org.cellarena.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The step schedule with linear warm-up, by epochs and laid over a time budget; values worked out by hand. */
class ScheduleTest {
  // lr 0.02, warm-up 100 iterations from 0.001 x, steps at epochs 8 and 11 of 12, gamma 0.1
  private final Schedule s = new Schedule(0.02f, 0.9f, 1e-4f, 0f, 100, 0.001f, new int[] {8, 11}, 0.1f, 12);

  @Test
  void warmUpIsLinearFromTheRatioAndStepsDecayAtTheirEpochs() {
    assertEquals(0.02 * 0.001, s.lr(0, 0), 1e-9); // 2e-5
    assertEquals(0.02 * (1 - 0.5 * 0.999), s.lr(50, 0.1), 1e-7); // halfway: 0.010010
    assertEquals(0.02, s.lr(100, 1), 1e-9);
    assertEquals(0.02, s.lr(5000, 7.999), 1e-9);
    assertEquals(0.002, s.lr(5000, 8), 1e-9);
    assertEquals(0.0002, s.lr(5000, 11), 1e-10);
  }

  @Test
  void underABudgetTheStepsComeAtTheirFractionOfItAndTheWarmUpTakesAtMostFivePercent() {
    // steps at 8/12 = 66.7% and 11/12 = 91.7% of the budget, whatever the epochs done
    assertEquals(0.02, s.lrInBudget(1000, 0.66), 1e-9);
    assertEquals(0.002, s.lrInBudget(1000, 0.67), 1e-9);
    assertEquals(0.002, s.lrInBudget(1000, 0.91), 1e-9);
    assertEquals(0.0002, s.lrInBudget(1000, 0.92), 1e-10);
    // a slow machine: 10 iterations done when 2.5% of the budget is spent -> warm-up half over by time (10/100 by
    // iterations), so lr = 0.02 * (1 - 0.5 * 0.999)
    assertEquals(0.02 * (1 - 0.5 * 0.999), s.lrInBudget(10, 0.025), 1e-7);
    assertEquals(0.02, s.lrInBudget(20, 0.05), 1e-9); // warm-up over at 5% of the budget
    assertEquals(0.02, s.lrInBudget(100, 0.01), 1e-9); // or after its iterations, if sooner
    assertEquals(0.02 * (1 - 0.75 * 0.999), s.lrInBudget(25, 0.001), 1e-7); // iterations lead: 25/100
  }

  @Test
  void withoutWarmUpIterationsTheRateStartsFullByEpochsAndUnderABudget() {
    Schedule none = new Schedule(0.01f, 0.9f, 1e-4f, 0f, 0, 0.001f, new int[] {8, 11}, 0.5f, 12);
    assertEquals(0.01, none.lr(0, 0), 1e-9);
    assertEquals(0.005, none.lr(0, 8.5), 1e-9); // gamma 0.5 once
    assertEquals(0.0025, none.lr(0, 11), 1e-9); // and twice
    // the warm-up ends after its iterations or 5 % of the budget, whichever comes first: here at once
    assertEquals(0.01, none.lrInBudget(0, 0), 1e-9);
    assertEquals(0.005, none.lrInBudget(0, 0.7), 1e-9); // past 8/12 of the budget
  }

  @Test
  void theWholeBudgetSpentGivesTheFinalRate() {
    assertEquals(0.0002, s.lrInBudget(100000, 1.0), 1e-10);
    assertEquals(0.0002, s.lr(100000, 12), 1e-10);
  }

  @Test
  void lastStepIsTheLatestDecay() {
    assertEquals(11, s.lastStep());
    assertEquals(0, new Schedule(0.02f, 0.9f, 0f, 0f, 0, 0.001f, new int[0], 0.1f, 12).lastStep());
  }
}
