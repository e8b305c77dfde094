package org.cellarena.model;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/** The total training loss (to differentiate) and its named parts (for logging). */
public record LossParts(NDArray total, Map<String, NDArray> parts) {

  /** The parts as numbers, plus {@code loss}. */
  public Map<String, Float> values() {
    Map<String, Float> out = new LinkedHashMap<>();
    out.put("loss", total.getFloat());
    parts.forEach((k, v) -> out.put(k, v.getFloat()));
    return out;
  }
}
