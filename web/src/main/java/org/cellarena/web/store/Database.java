package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import javax.sql.ConnectionPoolDataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A pool of connections and two ways to use one: a single statement, or a transaction. The database is the
 * embedded H2 (the default: one server process owns it) or a PostgreSQL that several nodes and workers share.
 * When it fails as a whole (closed under the server, as H2 closes itself on a full disk, or unreachable) the
 * work fails with a {@link DatabaseUnavailableException} and the pool is replaced, so that the next work opens
 * the database again once it can: no restart needed.
 */
public final class Database implements AutoCloseable {
  /** H2's codes for a database closed, shut down, cut off, a connection closed with it, a failed write (a full disk). */
  private static final Set<Integer> H2_UNAVAILABLE = Set.of(90098, 90121, 90067, 90007, 90028, 90031);

  private final ConnectionPoolDataSource source;
  /** How long PostgreSQL lets a session sit inside a transaction without a statement before it ends it. */
  static final java.time.Duration IDLE_IN_TRANSACTION = java.time.Duration.ofSeconds(15);

  private volatile JdbcConnectionPool pool;
  private final String url;
  private final String user;
  private final String password;
  private final boolean postgres;
  private boolean closed;

  private Database(ConnectionPoolDataSource source, String url, String user, String password, boolean postgres) {
    this.source = source;
    this.pool = newPool(source);
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
      // a process frozen inside a transaction (SIGSTOP, a long pause) would hold its locks, queue_lock's among
      // them, and so every node's claims: the server ends such a session and its locks go with it
      pg.setOptions("-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION.toMillis());
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
    Database db = new Database(source, jdbcUrl, user, password, postgres);
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static JdbcConnectionPool newPool(ConnectionPoolDataSource source) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(32);
    return pool;
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
    JdbcConnectionPool used = pool;
    try (Connection c = used.getConnection()) {
      return c.isValid(seconds);
    } catch (SQLException e) {
      failure(used, e); // a closed database is opened again by the next caller
      return false;
    } catch (RuntimeException e) {
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
    JdbcConnectionPool used = pool;
    try (Connection c = used.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(used, e);
    }
  }

  /** Work done in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T transaction(SqlWork<T> work) {
    JdbcConnectionPool used = pool;
    try (Connection c = used.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(used, e);
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e); // a closed database cannot roll back: the work's own failure says more
    }
  }

  /** The exception for a failed piece of work; a database that failed as a whole gets a fresh pool first. */
  private StoreException failure(JdbcConnectionPool used, SQLException e) {
    if (!isUnavailable(e)) {
      return new StoreException(e);
    }
    synchronized (this) {
      if (pool == used && !closed) {
        pool = newPool(source);
        used.dispose();
      }
    }
    return new DatabaseUnavailableException(e);
  }

  private static boolean isUnavailable(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08") || state.startsWith("57P") || H2_UNAVAILABLE.contains(e.getErrorCode())
        || e instanceof java.sql.SQLTransientConnectionException
        || e instanceof java.sql.SQLNonTransientConnectionException;
  }

  @Override
  public synchronized void close() {
    closed = true;
    pool.dispose();
  }

  /** A piece of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
