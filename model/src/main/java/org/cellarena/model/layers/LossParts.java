package org.cellarena.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.Map;

/** The total training loss (to differentiate) and its named parts (for logging). */
public record LossParts(NDArray total, Map<String, NDArray> parts) {

  /** The parts and their sum, added in the parts' order. */
  public static LossParts sumOf(Map<String, NDArray> parts) {
    NDArray sum = null;
    for (NDArray v : parts.values()) {
      sum = sum == null ? v : sum.add(v);
    }
    return new LossParts(sum, parts);
  }

  /** The parts as numbers, plus {@code loss}: one transfer from the device. */
  public Map<String, Float> values() {
    NDList all = new NDList(total.reshape(1));
    parts.values().forEach(v -> all.add(v.reshape(1)));
    float[] v;
    try (NDArray joined = NDArrays.concat(all)) {
      v = joined.toFloatArray();
    }
    Map<String, Float> out = new LinkedHashMap<>();
    out.put("loss", v[0]);
    int i = 1;
    for (String k : parts.keySet()) {
      out.put(k, v[i++]);
    }
    return out;
  }
}
