package org.cellarena.model.backbone;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;

/** Normalisation layers by name: {@code BN} (BatchNorm) or {@code GN} (GroupNorm, 32 groups or fewer). */
public final class Norms {
  private Norms() {}

  public static Block create(String kind, int channels) {
    switch (kind.toUpperCase()) {
      case "BN":
        return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
      case "GN":
        int g = 32;
        while (channels % g != 0) {
          g /= 2;
        }
        return new GroupNorm(g, channels);
      default:
        throw new IllegalArgumentException("unknown norm '" + kind + "' (BN or GN)");
    }
  }
}
