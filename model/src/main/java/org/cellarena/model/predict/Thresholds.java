package org.cellarena.model.predict;

import com.google.gson.JsonObject;

/**
 * Post-processing thresholds: the minimum detection score, the mask probability threshold and the minimum cell
 * area (pixels, after overlap removal). Tuned on the validation split and saved with the checkpoint.
 */
public record Thresholds(float score, float mask, int minArea) {

  public static Thresholds defaults() {
    return new Thresholds(0.5f, 0.5f, 10);
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("score", score);
    o.addProperty("mask", mask);
    o.addProperty("min_area", minArea);
    return o;
  }

  public static Thresholds fromJson(JsonObject o) {
    Thresholds d = defaults();
    return new Thresholds(o.has("score") ? o.get("score").getAsFloat() : d.score,
        o.has("mask") ? o.get("mask").getAsFloat() : d.mask,
        o.has("min_area") ? o.get("min_area").getAsInt() : d.minArea);
  }
}
