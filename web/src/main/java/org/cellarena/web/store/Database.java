package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/** A pool of connections and two ways to use one: a single statement, or a transaction. */
public final class Database implements AutoCloseable {
  private final JdbcConnectionPool pool;

  private Database(JdbcConnectionPool pool) {
    this.pool = pool;
  }

  /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
  public static Database open(String jdbcUrl) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
    pool.setMaxConnections(32);
    Database db = new Database(pool);
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
    return db;
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
