package org.cellarena.web.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CellArena checkout these classes were built in (the default data dir), else the working directory. */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path locate() {
    try {
      Path here = Path.of(RepositoryRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = here; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("cellarena")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
          return dir;
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // fall back to the working directory
    }
    return Path.of("").toAbsolutePath();
  }
}
