package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.ConnectionPoolDataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A pool of connections and two ways to use one: a single statement, or a transaction. The database is the
 * embedded H2 (the default: one server process owns it) or a PostgreSQL that several nodes and workers share.
 */
public final class Database implements AutoCloseable {
  private final JdbcConnectionPool pool;
  private final String url;
  private final String user;
  private final String password;
  private final boolean postgres;

  private Database(JdbcConnectionPool pool, String url, String user, String password, boolean postgres) {
    this.pool = pool;
    this.url = url;
    this.user = user;
    this.password = password;
    this.postgres = postgres;
  }

  /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /**
   * Opens the database at {@code jdbcUrl} ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}) and brings its
   * schema up to date; {@code user} and {@code password} may be null (then the URL's, or H2's default).
   */
  public static Database open(String jdbcUrl, String user, String password) {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    if (!postgres && !jdbcUrl.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException("unsupported database URL \"" + jdbcUrl
          + "\": use jdbc:postgresql://host:port/db or jdbc:h2:...");
    }
    ConnectionPoolDataSource source;
    if (postgres) {
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      pg.setURL(jdbcUrl);
      if (user != null) {
        pg.setUser(user);
      }
      if (password != null) {
        pg.setPassword(password);
      }
      source = pg;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(jdbcUrl);
      h2.setUser(user != null ? user : "sa");
      h2.setPassword(password != null ? password : "");
      source = h2;
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(32);
    Database db = new Database(pool, jdbcUrl, user, password, postgres);
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
    return db;
  }

  /** The URL with any password in it replaced by ***, for messages and logs. */
  public static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** Whether this is PostgreSQL (else H2). */
  public boolean isPostgres() {
    return postgres;
  }

  /**
   * Whether several server nodes and workers may share this database: PostgreSQL, whose LISTEN/NOTIFY carries
   * their changes to each other. Then work left "scoring" at a start may belong to a live worker elsewhere, and
   * only an expired lease says it does not. (An H2 server is used as one node's database, as before.)
   */
  public boolean isShared() {
    return isShared(url);
  }

  /** {@link #isShared()} for a database URL (null: the embedded H2). */
  public static boolean isShared(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** Whether the database answers within {@code seconds}; never throws. */
  public boolean reachable(int seconds) {
    try (Connection c = pool.getConnection()) {
      return c.isValid(seconds);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** A connection outside the pool, for a long-lived use (a LISTEN); the caller closes it. */
  Connection dedicatedConnection() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection(url, props);
  }

  /** Work done on one connection in auto-commit mode: each statement (a query or an update) commits alone. */
  public <T> T autoCommit(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Work done in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T transaction(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }

  /** A piece of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
