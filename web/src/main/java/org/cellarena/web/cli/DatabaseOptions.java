package org.cellarena.web.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say where the server's data lives, shared by {@code serve} and {@code team add}. */
public final class DatabaseOptions {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the database and submissions/<competition>/<id>.csv.gz live, and competitions/* "
          + "are looked for (default: the repository, so files land in its submissions/).")
  Path dataDir;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "The database (default: the embedded H2 file DIR/submissions/cellarena), e.g. an H2 server's "
          + "jdbc:h2:tcp://host/path.")
  String jdbcUrl;

  Path dataDir() {
    return dataDir != null ? dataDir : RepositoryRoot.locate();
  }
}
