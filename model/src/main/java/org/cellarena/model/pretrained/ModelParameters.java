package org.cellarena.model.pretrained;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A block's parameters by dotted path, the child names without DJL's ordering prefix:
 * {@code backbone.layer1b0.conv2.fc1.weight}, {@code mask_head.upsample.bias}.
 */
public final class ModelParameters {
  private ModelParameters() {}

  public static Map<String, Parameter> of(Block block) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    collect(block, "", out);
    return out;
  }

  private static void collect(Block block, String prefix, Map<String, Parameter> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      out.put(prefix + p.getKey(), p.getValue());
    }
    for (Pair<String, Block> c : block.getChildren()) {
      // DJL names a child "NNname" (its position, two digits, then the name it was added with)
      collect(c.getValue(), prefix + c.getKey().substring(2) + ".", out);
    }
  }
}
