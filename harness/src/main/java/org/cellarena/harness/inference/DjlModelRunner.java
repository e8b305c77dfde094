package org.cellarena.harness.inference;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cellarena.model.archive.ModelArchiveException;
import org.cellarena.model.archive.ModelCheck;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.web.inference.InferenceResult;
import org.cellarena.web.inference.InferenceStoppedException;
import org.cellarena.web.inference.ModelRejectedException;
import org.cellarena.web.inference.ModelRunner;
import org.cellarena.web.inference.ModelSummary;

/** The model module's archive check and prediction behind the web module's {@link ModelRunner}. */
public final class DjlModelRunner implements ModelRunner {

  @Override
  public ModelSummary check(Path modelDir) throws ModelRejectedException {
    try {
      var checked = ModelCheck.check(modelDir);
      return new ModelSummary(checked.weightsSha256(), checked.description());
    } catch (ModelArchiveException e) {
      throw new ModelRejectedException(e.getMessage(), e);
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
      FolderPrediction.Summary summary = FolderPrediction.run(modelDir, folder, out, null, null);
      if (!progress.imageDone(images.size(), images.size())) {
        Files.deleteIfExists(out);
        throw new InferenceStoppedException(images.size() - 1, images.size());
      }
      Engine engine = Engine.getInstance();
      return new InferenceResult(summary.images(), summary.cells(), (System.nanoTime() - start) / 1e9,
          engine.defaultDevice().toString(), engine.getEngineName() + " " + engine.getVersion() + " (DJL "
              + Engine.getDjlVersion() + ")");
    } catch (ConfigException | IllegalArgumentException | InvalidFileException e) {
      throw new ModelRejectedException(e.getMessage(), e);
    } finally {
      try (var links = Files.list(folder)) {
        for (Path link : links.toList()) {
          Files.delete(link);
        }
      }
      Files.delete(folder);
    }
  }
}
