package org.cellarena.harness.inference;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.model.predict.LoadedModel;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.web.inference.InferenceResult;
import org.cellarena.web.inference.InferenceStoppedException;
import org.cellarena.web.inference.ModelRejectedException;
import org.cellarena.web.inference.ModelRunner;
import org.cellarena.web.inference.ModelSummary;

/** The model module's loading and prediction behind the web module's {@link ModelRunner}. */
public final class DjlModelRunner implements ModelRunner {
  static final String WEIGHTS = "model.params";

  @Override
  public ModelSummary check(Path modelDir) throws ModelRejectedException {
    Path weights = modelDir.resolve(WEIGHTS);
    try (NDManager manager = NDManager.newBaseManager()) {
      LoadedModel loaded = LoadedModel.load(weights, manager, 0);
      long parameters = loaded.model().getParameters().values().stream()
          .mapToLong(p -> p.getArray().getShape().size()).sum();
      return new ModelSummary(sha256(weights), String.format(Locale.ROOT, "Mask R-CNN, %d classes, %.1f M "
          + "parameters%s", loaded.config().model().numClasses(), parameters / 1e6,
          loaded.config().data().testFlip() ? ", flip TTA" : ""));
    } catch (IOException | ConfigException | IllegalArgumentException e) {
      throw new ModelRejectedException("Model Load Error: " + e.getMessage(), e);
    }
  }

  @Override
  public InferenceResult predict(Path modelDir, List<Path> images, Path out, Progress progress)
      throws ModelRejectedException, InferenceStoppedException, IOException {
    Path folder = Files.createTempDirectory("cellarena-inference-");
    try {
      for (Path image : images) {
        Files.createSymbolicLink(folder.resolve(image.getFileName()), image.toAbsolutePath());
      }
      long start = System.nanoTime();
      FolderPrediction.Summary summary = FolderPrediction.run(modelDir.resolve(WEIGHTS), folder, out, null, null);
      if (!progress.imageDone(images.size(), images.size())) {
        Files.deleteIfExists(out);
        throw new InferenceStoppedException(images.size() - 1, images.size());
      }
      Engine engine = Engine.getInstance();
      return new InferenceResult(summary.images(), summary.cells(), (System.nanoTime() - start) / 1e9,
          engine.defaultDevice().toString(), engine.getEngineName() + " " + engine.getVersion() + " (DJL "
              + Engine.getDjlVersion() + ")");
    } catch (ConfigException | IllegalArgumentException | InvalidFileException e) {
      throw new ModelRejectedException("Model Load Error: " + e.getMessage(), e);
    } finally {
      try (var links = Files.list(folder)) {
        for (Path link : links.toList()) {
          Files.delete(link);
        }
      }
      Files.delete(folder);
    }
  }

  private static String sha256(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
