package org.cellarena.harness.dataset;

import java.io.IOException;

/**
 * Bad input data: a missing image, a size that differs from train.csv, a malformed annotation. The message says
 * what and where (file, line, image id); the command line prints it and exits 2.
 */
public class DataException extends IOException {
  public DataException(String message) {
    super(message);
  }
}
