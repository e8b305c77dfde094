package org.cellarena.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.BatchLoader;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.predict.Predictor;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.train.Sgd;
import org.cellarena.model.train.Training;

/**
 * Benchmark: training images/s, prediction images/s and peak RSS of a config on generated images.
 * Args: config WIDTHxHEIGHT trainIters warmupIters predictImages. Prints one line of figures.
 */
public final class Bench {
  public static void main(String[] args) throws Exception {
    Path cfgFile = Path.of(args[0]);
    String[] wh = args[1].split("x");
    int width = Integer.parseInt(wh[0]);
    int height = Integer.parseInt(wh[wh.length - 1]);
    int iters = Integer.parseInt(args[2]);
    int warm = Integer.parseInt(args[3]);
    int predictImages = Integer.parseInt(args[4]);
    TrainConfig cfg = ConfigLoader.load(cfgFile, List.of());
    Path dir = Files.createTempDirectory("cellarena-bench");
    int n = Math.max(4, (iters + warm) * cfg.data().batchSize());
    SyntheticCells.write(dir, n, width, height, 5);
    Dataset ds = Dataset.open(dir);
    try (NDManager root = NDManager.newBaseManager()) {
      MaskRcnn model = new MaskRcnn(cfg.model());
      model.initializeParameters(root);
      List<Pair<String, Parameter>> params = model.getParameters().stream().collect(Collectors.toList());
      Sgd sgd = new Sgd(root, 0.9f, 1e-4f, 10f);
      long t = 0;
      int images = 0;
      int done = 0;
      try (BatchLoader loader = new BatchLoader(ds, ds.ids(), cfg.data(), true, 1)) {
        while (loader.hasNext() && done < iters + warm) {
          Batch b = loader.next();
          long t0 = System.nanoTime();
          Training.step(model, root, sgd, params, b, 0.001f, new Random(done));
          long dt = System.nanoTime() - t0;
          if (done >= warm) {
            t += dt;
            images += b.size();
          }
          System.err.printf("iter %d: %.2f s (batch %dx%dx%d), RSS %.0f MB%n", done, dt / 1e9, b.size(), b.height(),
              b.width(), rssKb("VmRSS:") / 1024.0);
          done++;
        }
      }
      long rssTrain = peakRssKb();
      Predictor p = new Predictor(model, root, cfg.data().testScale(), false);
      long p0 = System.nanoTime();
      int k = 0;
      for (String id : ds.ids()) {
        if (k++ >= predictImages) {
          break;
        }
        p.predict(GrayImage.read(ds.imagePath(id)));
      }
      double predictSeconds = (System.nanoTime() - p0) / 1e9;
      System.out.printf("BENCH %s: image %dx%d, batch %d, params %.2fM: train %.3f images/s (%d images after %d "
              + "warm-up iterations), predict %.3f images/s (%d images), peak RSS %.2f GB after training, %.2f GB "
              + "after prediction%n", cfgFile.getFileName(), width, height, cfg.data().batchSize(),
          model.parameterCount() / 1e6, images / (t / 1e9), images, warm, Math.min(predictImages, n) / predictSeconds,
          Math.min(predictImages, n), rssTrain / 1048576.0, peakRssKb() / 1048576.0);
    }
  }

  static long peakRssKb() throws Exception {
    return rssKb("VmHWM:");
  }

  static long rssKb(String key) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
