package org.cellarena.web.store;

import java.sql.SQLException;

/** A database failure; the server answers 500 and logs it. */
public class StoreException extends RuntimeException {
  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
