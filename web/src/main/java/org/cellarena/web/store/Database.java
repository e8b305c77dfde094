package org.cellarena.web.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

/**
 * A pool of connections (HikariCP) and two ways to use one: a single statement, or a transaction. The database
 * is the embedded H2 (the default: one server process owns it) or a PostgreSQL that several nodes and workers
 * share. When it fails as a whole (closed under the server, as H2 closes itself on a full disk, or unreachable)
 * the work fails with a {@link DatabaseUnavailableException} and the pool is replaced, so that the next work
 * opens the database again once it can: no restart needed.
 */
public final class Database implements AutoCloseable {
  /** H2's codes for a database closed, shut down, cut off, a connection closed with it, a failed write (a full disk). */
  private static final Set<Integer> H2_UNAVAILABLE = Set.of(90098, 90121, 90067, 90007, 90028, 90031);
  private static final String ALIVE_BYPASS_PROPERTY = "com.zaxxer.hikari.aliveBypassWindowMs";

  static {
    // HikariCP tests a connection idle for over half a second before lending it (a round trip to PostgreSQL) and
    // silently replaces a dead one. Here, as with the pool before it, the work that meets a database closed under
    // the server fails with DatabaseUnavailableException (503) and the whole pool is replaced (failure below).
    // Hikari reads the property when it makes a pool, which only this class does.
    if (System.getProperty(ALIVE_BYPASS_PROPERTY) == null) {
      System.setProperty(ALIVE_BYPASS_PROPERTY, String.valueOf(Long.MAX_VALUE / 2));
    }
  }

  /** How long PostgreSQL lets a session sit inside a transaction without a statement before it ends it. */
  static final java.time.Duration IDLE_IN_TRANSACTION = java.time.Duration.ofSeconds(15);
  private static final int MAX_CONNECTIONS = 32;
  /** How long a request waits for a connection (all busy, or the database down) before it fails (503). */
  private static final long CONNECTION_TIMEOUT_MILLIS = 5000;

  private final HikariConfig poolConfig;
  private volatile HikariDataSource pool;
  private final String url;
  private final String user;
  private final String password;
  private final boolean postgres;
  private boolean closed;

  private Database(HikariConfig poolConfig, String url, String user, String password, boolean postgres) {
    this.poolConfig = poolConfig;
    this.pool = newPool(poolConfig, true);
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
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (postgres) {
      // a process frozen inside a transaction (SIGSTOP, a long pause) would hold its locks, queue_lock's among
      // them, and so every node's claims: the server ends such a session and its locks go with it
      config.addDataSourceProperty("options", "-c idle_in_transaction_session_timeout="
          + IDLE_IN_TRANSACTION.toMillis());
      config.setUsername(user);
      config.setPassword(password);
    } else {
      config.setUsername(user != null ? user : "sa");
      config.setPassword(password != null ? password : "");
    }
    Database db;
    try {
      db = new Database(config, jdbcUrl, user, password, postgres);
    } catch (HikariPool.PoolInitializationException e) {
      throw e.getCause() instanceof SQLException cause ? failed(cause) : e;
    }
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /**
   * A pool that opens connections as they are asked for, as many as {@link #MAX_CONNECTIONS}, and keeps them (the
   * embedded H2 closes when its last connection does).
   *
   * @param failFast connect once now and throw when that fails (at open); else connect to nothing now, so that a
   *     pool replacing a failed one is made even while the database is down
   */
  private static HikariDataSource newPool(HikariConfig config, boolean failFast) {
    HikariConfig pool = new HikariConfig();
    config.copyStateTo(pool);
    pool.setMaximumPoolSize(MAX_CONNECTIONS);
    pool.setMinimumIdle(0);
    pool.setIdleTimeout(0);
    pool.setMaxLifetime(0);
    pool.setKeepaliveTime(0);
    pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    pool.setInitializationFailTimeout(failFast ? 1 : -1);
    return new HikariDataSource(pool);
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
    try {
      return onConnection(c -> c.isValid(seconds)); // a closed database is opened again by the next caller
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
    return onConnection(work);
  }

  /** Work done in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T transaction(SqlWork<T> work) {
    return onConnection(c -> {
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
    });
  }

  /**
   * Runs the work on a pooled connection. Handing the connection back cannot fail the work once it is done: a
   * database closed under the server fails the next work on that connection instead, which replaces the pool.
   */
  private <T> T onConnection(SqlWork<T> work) {
    HikariDataSource used = pool;
    Connection c;
    try {
      c = used.getConnection();
    } catch (SQLException e) {
      throw failure(used, e);
    }
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(used, e);
    } finally {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the connection is dead: see above
      }
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
  private StoreException failure(HikariDataSource used, SQLException e) {
    if (isUnavailable(e)) {
      synchronized (this) {
        if (pool == used && !closed) {
          pool = newPool(poolConfig, false);
          // Hikari's close waits up to 10 s for connections still lent: not this work's business
          Thread closing = new Thread(used::close, "cellarena-pool-close");
          closing.setDaemon(true);
          closing.start();
        }
      }
    }
    return failed(e);
  }

  private static StoreException failed(SQLException e) {
    return isUnavailable(e) ? new DatabaseUnavailableException(e) : new StoreException(e);
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
    pool.close();
  }

  /** A piece of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
