package org.cellarena.scoring.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapTest {

  @Test
  void intervalIsSeededAndBracketsTheMean() {
    double[] scores = new double[200];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (i % 10) / 10.0; // mean 0.45, sd ~0.287, standard error ~0.0203
    }
    double[] ci = Bootstrap.ci95(scores);
    assertArrayEquals(ci, Bootstrap.ci95(scores), "same seed, same interval");
    assertTrue(ci[0] < 0.45 && 0.45 < ci[1]);
    assertEquals(2 * 1.96 * 0.0203, ci[1] - ci[0], 0.012, "width about 2 x 1.96 standard errors");
  }

  @Test
  void oneImageHasAZeroWidthInterval() {
    assertArrayEquals(new double[] {0.3, 0.3}, Bootstrap.ci95(new double[] {0.3}), 1e-15);
  }
}
