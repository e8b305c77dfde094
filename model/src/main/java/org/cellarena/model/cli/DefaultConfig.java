package org.cellarena.model.cli;

import java.nio.file.Path;

/** Where the shipped configurations are: {@code configs/} under {@code -Dcellarena.home} (the launcher sets it) or the working dir. */
final class DefaultConfig {
  private DefaultConfig() {}

  /** The seed configuration, {@code configs/mask_rcnn_s50_fpn_mstrain_sartorius.json}. */
  static Path seed() {
    return Path.of(System.getProperty("cellarena.home", ".")).resolve("configs")
        .resolve("mask_rcnn_s50_fpn_mstrain_sartorius.json");
  }
}
