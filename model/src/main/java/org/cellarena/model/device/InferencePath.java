package org.cellarena.model.device;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.cellarena.model.archive.ModelArchive;
import org.cellarena.model.archive.ModelArchiveException;
import org.cellarena.model.archive.ModelCheck;
import org.cellarena.model.archive.ModelSummary;
import org.cellarena.model.bench.GeneratedCells;
import org.cellarena.model.predict.LoadedModel;
import org.cellarena.model.predict.Predictor;
import org.cellarena.model.rcnn.MaskRcnn;

/**
 * What a model competition's {@code worker --inference} does with a team's model on this device, after the kit's
 * training: the weights written as a model archive's files ({@code config.json}, {@code model.params}), checked as
 * the server checks an upload ({@link ModelCheck}), loaded as the worker loads them ({@link LoadedModel}) and
 * predicting generated images. Only reading the PNGs is left out (OpenCV is not in the kit; it runs on the CPU).
 */
final class InferencePath {
  private InferencePath() {}

  /** Adds {@code model_check_s}, {@code model_parameters_m} and {@code inference_images_per_s} to {@code out}. */
  static void run(MaskRcnn trained, Path config, int images, int cells, int width, int height, JsonObject out)
      throws IOException, ModelArchiveException {
    Path dir = Files.createTempDirectory("cellarena-kit-model");
    try {
      Files.copy(config, dir.resolve(ModelArchive.CONFIG));
      try (OutputStream file = Files.newOutputStream(dir.resolve("model.params"));
           DataOutputStream data = new DataOutputStream(file)) {
        trained.saveParameters(data);
      }
      long t = System.nanoTime();
      ModelSummary summary = ModelCheck.check(dir);
      out.addProperty("model_check_s", seconds(t));
      out.addProperty("model_parameters_m", Math.round(summary.parameters() / 1e4) / 100.0);
      try (NDManager manager = NDManager.newBaseManager()) {
        LoadedModel loaded = LoadedModel.load(dir, manager, 0);
        Predictor predictor = new Predictor(loaded.model(), manager, loaded.config().data().testScale(),
            loaded.config().data().testFlip());
        Random r = new Random(2);
        predictor.predict(GeneratedCells.image(width, height, cells, r)); // warm-up
        long p = System.nanoTime();
        for (int i = 0; i < images; i++) {
          predictor.predict(GeneratedCells.image(width, height, cells, r));
        }
        out.addProperty("inference_images_per_s", images == 0 ? 0 : Math.round(images / seconds(p) * 1e4) / 1e4);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static double seconds(long since) {
    return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
  }
}
