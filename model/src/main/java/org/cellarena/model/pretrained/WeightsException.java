package org.cellarena.model.pretrained;

import java.io.IOException;

/**
 * A weights file that does not fit the model or cannot be read: truncated, a tensor missing, extra or of another
 * shape. The message is one sentence for the person who made the file, naming the tensor and both shapes.
 */
public final class WeightsException extends IOException {
  public WeightsException(String message) {
    super(message);
  }
}
