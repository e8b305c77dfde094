package org.cellarena.model.predict;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Post-processing thresholds: the minimum detection score (optionally one per class, when the model predicts cell
 * types), the mask probability threshold and the minimum cell area (pixels, after overlap removal). Tuned on the
 * validation split and saved with the checkpoint.
 */
public record PredictionThresholds(float score, float mask, int minArea, float[] classScores) {

  public PredictionThresholds(float score, float mask, int minArea) {
    this(score, mask, minArea, null);
  }

  /** Before any validation: score 0.5, the configuration's {@code mask_thr}, 10 pixels. */
  public static PredictionThresholds defaults(float maskThreshold) {
    return new PredictionThresholds(0.5f, maskThreshold, 10);
  }

  /** The score threshold of a class. */
  public float score(int label) {
    return classScores != null && label < classScores.length ? classScores[label] : score;
  }

  /** A copy with one score threshold per class. */
  public PredictionThresholds withClassScores(float[] perClass) {
    return new PredictionThresholds(score, mask, minArea, perClass == null ? null : perClass.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PredictionThresholds t && score == t.score && mask == t.mask && minArea == t.minArea
        && java.util.Arrays.equals(classScores, t.classScores);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(score, mask, minArea, java.util.Arrays.hashCode(classScores));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("score", score);
    o.addProperty("mask", mask);
    o.addProperty("min_area", minArea);
    if (classScores != null) {
      JsonArray a = new JsonArray();
      for (float f : classScores) {
        a.add(f);
      }
      o.add("class_scores", a);
    }
    return o;
  }

  public static PredictionThresholds fromJson(JsonObject o, PredictionThresholds d) {
    float[] per = null;
    if (o.has("class_scores") && o.get("class_scores").isJsonArray()) {
      JsonArray a = o.getAsJsonArray("class_scores");
      per = new float[a.size()];
      for (int i = 0; i < per.length; i++) {
        per[i] = a.get(i).getAsFloat();
      }
    }
    return new PredictionThresholds(o.has("score") ? o.get("score").getAsFloat() : d.score,
        o.has("mask") ? o.get("mask").getAsFloat() : d.mask,
        o.has("min_area") ? o.get("min_area").getAsInt() : d.minArea, per);
  }
}
