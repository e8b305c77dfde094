package org.cellarena.model.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The loss parts averaged over every 10 iterations (and an epoch's last few) to {@code metrics.jsonl}. */
final class MetricsHook implements TrainHook {
  private static final int LOG_INTERVAL = 10;

  private final MetricsLog metrics;
  private final Map<String, Double> window = new LinkedHashMap<>();
  private int inWindow;

  MetricsHook(MetricsLog metrics) {
    this.metrics = metrics;
  }

  @Override
  public void beforeEpoch(TrainState s) {
    window.clear();
    inWindow = 0;
  }

  @Override
  public void afterStep(TrainState s) throws IOException {
    s.values.forEach((k, v) -> window.merge(k, (double) v, Double::sum));
    inWindow++;
    if (inWindow == LOG_INTERVAL || s.lastInEpoch) {
      JsonObject rec = new JsonObject();
      rec.addProperty("epoch", s.epoch + 1);
      rec.addProperty("iter", s.iter);
      rec.addProperty("lr", s.lr);
      for (Map.Entry<String, Double> e : window.entrySet()) {
        rec.addProperty(e.getKey(), e.getValue() / inWindow);
      }
      rec.addProperty("images_per_s", s.imagesPerSecond());
      metrics.append(rec);
      window.clear();
      inWindow = 0;
    }
  }
}
