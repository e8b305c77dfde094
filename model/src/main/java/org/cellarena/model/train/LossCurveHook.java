package org.cellarena.model.train;

import java.io.IOException;
import java.nio.file.Path;

/** Redraws {@code loss_curve.png} from {@code metrics.jsonl} at each epoch's end (not after a stop signal). */
final class LossCurveHook implements TrainHook {
  private final MetricsLog metrics;
  private final Path png;

  LossCurveHook(MetricsLog metrics, Path png) {
    this.metrics = metrics;
    this.png = png;
  }

  @Override
  public void afterEpoch(TrainState s) throws IOException {
    if (!s.signalled()) {
      LossCurve.write(metrics.read(), png);
    }
  }
}
