package org.cellarena.model.data;

import java.io.IOException;

/** A dataset that is not in the Kaggle layout or whose images disagree with its train.csv; the message says where. */
public class DatasetException extends IOException {
  public DatasetException(String message) {
    super(message);
  }
}
