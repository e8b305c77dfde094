package org.cellarena.model.bench;

import picocli.CommandLine.Option;

/** The options of a {@link GeneratedCells} workload, shared by {@code model-bench} and {@code device-run}. */
public final class GeneratedCellsOptions {
  @Option(names = "--image-size", defaultValue = "1333", description = "image width in pixels (default ${DEFAULT-VALUE})")
  int imageSize;

  @Option(names = "--cells", defaultValue = "300", description = "cells per image (default ${DEFAULT-VALUE})")
  int cells;

  public int imageSize() {
    return imageSize;
  }

  public int cells() {
    return cells;
  }
}
