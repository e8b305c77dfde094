package org.cellarena.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cellarena.harness.demodata.DemoDataGenerator;

/**
 * One small generated dataset (9 images, 704x520, seed 5) shared by the tests of a run, made on first use in a
 * temporary folder. Tests read it and never change it.
 */
public final class GeneratedData {
  public static final int IMAGES = 9;
  public static final long SEED = 5;
  private static Path dir;

  private GeneratedData() {}

  public static synchronized Path dataset() {
    if (dir == null) {
      try {
        Path made = Files.createTempDirectory("cellarena-generated-");
        new DemoDataGenerator(IMAGES, SEED, DemoDataGenerator.DEFAULT_WIDTH, DemoDataGenerator.DEFAULT_HEIGHT)
            .writeTo(made, System.out);
        dir = made;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }
}
