package org.cellarena.web.store;

import java.sql.SQLException;

/**
 * The database cannot be reached or was closed under the server (a full disk, a restart): the request may
 * succeed later, so the server answers 503 with {@code Retry-After}, not 500.
 */
public final class DatabaseUnavailableException extends StoreException {
  public DatabaseUnavailableException(SQLException cause) {
    super(cause);
  }
}
