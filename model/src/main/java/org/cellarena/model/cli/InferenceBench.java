package org.cellarena.model.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cellarena.model.bench.GeneratedCells;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.model.predict.PredictionStoppedException;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.scoring.io.InvalidFileException;

/**
 * Inference throughput as a server running a submitted model sees it: generated images predicted through
 * {@code predict}'s own loop (flip TTA and thresholds as the config and checkpoint say), after a one-image warm-up
 * run; model loading is not counted. Without a checkpoint the model is freshly initialised (its detections are
 * not a trained model's: the cells found are reported beside the figure).
 */
final class InferenceBench {
  private InferenceBench() {}

  static JsonObject run(TrainConfig cfg, Path checkpoint, int images, int imageSize, int cells)
      throws IOException, InvalidFileException, PredictionStoppedException {
    Path tmp = Files.createTempDirectory("cellarena-inference-bench");
    try {
      Path model = checkpoint != null ? checkpoint : freshModel(cfg, tmp.resolve("model"));
      List<Path> pngs = generated(tmp.resolve("images"), images, imageSize, cells, cfg.seed());
      FolderPrediction.run(model, pngs.subList(0, 1), tmp.resolve("warmup.csv"), (done, total) -> true);
      FolderPrediction.Summary s = FolderPrediction.run(model, pngs, tmp.resolve("timed.csv"), (d, t) -> true);
      JsonObject o = new JsonObject();
      o.addProperty("device", s.device());
      o.addProperty("engine", s.engine());
      o.addProperty("weights", checkpoint != null ? checkpoint.toString() : "fresh (untrained)");
      o.addProperty("images", s.images());
      o.addProperty("input", imageSize + "x" + height(imageSize));
      o.addProperty("flip_tta", s.tta());
      o.addProperty("cells_found", s.cells());
      o.addProperty("seconds", Math.round(s.seconds() * 100) / 100.0);
      o.addProperty("images_per_s", Math.round(s.imagesPerSecond() * 1000) / 1000.0);
      return o;
    } finally {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Path freshModel(TrainConfig cfg, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), cfg.json().toString());
    try (NDManager manager = NDManager.newBaseManager();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
            Files.newOutputStream(dir.resolve("model.params"))))) {
      MaskRcnn model = new MaskRcnn(cfg.model());
      model.initializeParameters(manager);
      model.saveParameters(out);
    }
    return dir;
  }

  private static List<Path> generated(Path dir, int images, int imageSize, int cells, long seed) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(seed);
    List<Path> pngs = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      Path png = dir.resolve(String.format("bench%03d.png", i));
      GeneratedCells.image(imageSize, height(imageSize), cells, r).writePng(png);
      pngs.add(png);
    }
    return pngs;
  }

  private static int height(int width) {
    return (int) Math.round(width * GeneratedCells.ASPECT);
  }
}
