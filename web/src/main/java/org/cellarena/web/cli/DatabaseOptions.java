package org.cellarena.web.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say where the server's data lives, shared by {@code serve}, {@code worker} and
 * {@code team add}.
 */
public final class DatabaseOptions {
  /** The environment variable a PostgreSQL password may come from, so that it stays out of {@code ps}. */
  public static final String PASSWORD_VARIABLE = "CELLARENA_DB_PASSWORD";

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the database and submissions/<competition>/<id>.csv.gz live, and competitions/* "
          + "are looked for (default: the repository, so files land in its submissions/).")
  Path dataDir;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "The database (default: the embedded H2 file DIR/submissions/cellarena): a PostgreSQL that "
          + "several nodes and workers share, jdbc:postgresql://host:5432/db (user and password may be in it), "
          + "or an H2 server's jdbc:h2:tcp://host/path.")
  String jdbcUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "The PostgreSQL user (else the URL's).")
  String user;

  @Option(names = "--db-password", paramLabel = "PASSWORD",
      description = "The PostgreSQL password (else $" + PASSWORD_VARIABLE + ", else the URL's).")
  String password;

  Path dataDir() {
    return dataDir != null ? dataDir : RepositoryRoot.locate();
  }

  /**
   * The JDBC URL with the user and password folded in, or null for the embedded H2.
   *
   * @throws IllegalArgumentException when a user or password is given without a PostgreSQL URL
   */
  String jdbcUrl() {
    String pw = password != null ? password : System.getenv(PASSWORD_VARIABLE);
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      if (user != null || password != null) {
        throw new IllegalArgumentException("--db-user and --db-password need a --jdbc-url jdbc:postgresql://...");
      }
      return jdbcUrl;
    }
    StringBuilder url = new StringBuilder(jdbcUrl);
    char separator = jdbcUrl.contains("?") ? '&' : '?';
    if (user != null) {
      url.append(separator).append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
      separator = '&';
    }
    if (pw != null && !pw.isEmpty()) {
      url.append(separator).append("password=").append(URLEncoder.encode(pw, StandardCharsets.UTF_8));
    }
    return url.toString();
  }
}
