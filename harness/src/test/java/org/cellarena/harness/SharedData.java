package org.cellarena.harness;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared beside the repository (real third-party data: read there, never copied in). */
public final class SharedData {
  private SharedData() {}

  /** The path under ../shared, or a skipped test with a message when it is absent. */
  public static Path require(String relative) {
    String root = System.getProperty("cellarena.shared", "../../shared");
    Path path = Path.of(root).resolve(relative).normalize();
    assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the shared data lives beside the repository)");
    return path;
  }
}
