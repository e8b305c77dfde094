package org.cellarena.web.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs a team's model on the server's side of a model competition. The web module holds no model code: the
 * implementation comes from the classpath through {@link ServiceLoader} (the {@code cellarena} launcher provides
 * one on DJL); a server without one refuses model submissions with a clear message.
 *
 * <p>A model directory is an unpacked model archive (web/docs/model-competitions.md): {@code config.json}, one
 * weights file ({@code model.params}, {@code model.safetensors} or {@code model.npz}) and optionally
 * {@code model.json} with the tuned thresholds. The server has checked its entries (names, sizes, no links) before
 * it calls the runner.
 */
public interface ModelRunner {

  /**
   * Checks a model before it is queued, without predicting: its config builds a model, and its weights load with
   * every tensor present, none extra, each of the shape the config asks for.
   *
   * @throws ModelRejectedException with the sentence the team reads, naming the tensor and both shapes, or the
   *     config key and its value
   */
  ModelSummary check(Path modelDir) throws ModelRejectedException;

  /**
   * Predicts the images in the order given, exactly as {@code cellarena predict} does (same flip TTA, thresholds
   * and non-overlap rule), and writes the submission CSV {@code out}: for a folder of these images, byte for byte
   * what {@code cellarena predict --checkpoint modelDir --images folder} writes. After each image it calls
   * {@code progress}, and stops when that returns false.
   *
   * @throws InferenceStoppedException when {@code progress} stopped it (nothing is written)
   * @throws ModelRejectedException when the model cannot be loaded after all
   */
  InferenceResult predict(Path modelDir, List<Path> images, Path out, Progress progress)
      throws ModelRejectedException, InferenceStoppedException, IOException;

  /** Told after each image; false stops the run. */
  @FunctionalInterface
  interface Progress {
    boolean imageDone(int done, int total);
  }

  /** The runner on the classpath, if any. */
  static Optional<ModelRunner> installed() {
    return ServiceLoader.load(ModelRunner.class).findFirst();
  }
}
