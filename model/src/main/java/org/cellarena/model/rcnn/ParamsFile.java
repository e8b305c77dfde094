package org.cellarena.model.rcnn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code .params} file of the model's weights, as DJL writes them. */
public final class ParamsFile {
  private ParamsFile() {}

  /** Loads parameters into an initialised model, re-attaching gradients to the trainable ones. */
  public static void load(MaskRcnn model, Path params, NDManager manager) throws IOException {
    try (InputStream is = new BufferedInputStream(Files.newInputStream(params));
        DataInputStream dis = new DataInputStream(is)) {
      model.loadParameters(manager, dis);
    } catch (MalformedModelException e) {
      throw new IOException("checkpoint " + params + " does not match the model: " + e.getMessage(), e);
    }
    for (Parameter p : model.getParameters().values()) {
      if (p.requiresGradient()) {
        p.getArray().setRequiresGradient(true);
      }
    }
  }
}
