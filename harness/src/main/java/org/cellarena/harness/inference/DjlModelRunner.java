package org.cellarena.harness.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.model.ModelApi;
import org.cellarena.model.archive.ModelArchiveException;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.model.predict.PredictionStoppedException;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.web.inference.InferenceResult;
import org.cellarena.web.inference.InferenceStoppedException;
import org.cellarena.web.inference.ModelRejectedException;
import org.cellarena.web.inference.ModelRunner;
import org.cellarena.web.inference.ModelSummary;

/**
 * The model module's archive check and image-list prediction ({@link ModelApi}) behind the web module's
 * {@link ModelRunner}: its failures become the web module's, with the model module's sentence for the team.
 */
public final class DjlModelRunner implements ModelRunner {
  private static final Logger LOG = Logger.getLogger(DjlModelRunner.class.getName());

  @Override
  public ModelSummary check(Path modelDir) throws ModelRejectedException {
    try {
      var checked = ModelApi.checkModel(modelDir);
      return new ModelSummary(checked.weightsSha256(), checked.description());
    } catch (ModelArchiveException e) {
      throw new ModelRejectedException(e.getMessage(), e);
    }
  }

  @Override
  public InferenceResult predict(Path modelDir, List<Path> images, Path out, Progress progress)
      throws ModelRejectedException, InferenceStoppedException, IOException {
    long start = System.nanoTime(); // the summary's seconds leave the loading out
    try {
      FolderPrediction.Summary summary = ModelApi.predictImages(modelDir, images, out, progress::imageDone);
      return new InferenceResult(summary.images(), summary.cells(), (System.nanoTime() - start) / 1e9,
          summary.device(), summary.engine());
    } catch (PredictionStoppedException e) {
      throw new InferenceStoppedException(e.done(), e.total());
    } catch (ConfigException | InvalidFileException e) {
      throw new ModelRejectedException(e.getMessage(), e);
    } catch (IllegalArgumentException e) { // its message may name the server's paths: the host reads it in the log
      LOG.log(Level.WARNING, "the model could not be run on " + modelDir, e);
      throw new ModelRejectedException("the model could not be run on the competition's images", e);
    }
  }
}
