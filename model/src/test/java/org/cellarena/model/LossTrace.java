package org.cellarena.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.cellarena.model.bench.GeneratedCells;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.Schedule;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.data.Batch;
import org.cellarena.model.rcnn.Detections;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.runtime.CpuThreads;
import org.cellarena.model.train.Sgd;
import org.cellarena.model.train.Training;

/**
 * The loss values of a few seeded training steps, to show that a refactor leaves training unchanged: run it before
 * and after and compare the lines. Same engine seed, same generated batch, same sampling seeds every run.
 * Args: config imageWidth cells steps. Prints one line per step and the sums of the detections on the batch after them, every loss part as a float's shortest exact decimal
 * form. Run: {@code BENCH_CLASS=LossTrace model/bench.sh configs/tiny_cpu.json 256 40 10}.
 */
public final class LossTrace {
  public static void main(String[] args) {
    TrainConfig cfg = ConfigLoader.load(Path.of(args[0]), List.of());
    int width = Integer.parseInt(args[1]);
    int cells = Integer.parseInt(args[2]);
    int steps = Integer.parseInt(args[3]);
    CpuThreads.apply(cfg.json());
    Engine.getInstance().setRandomSeed((int) cfg.seed());
    Batch batch = GeneratedCells.batch(cfg.data().batchSize(), width, cells, cfg.seed());
    Schedule s = cfg.schedule();
    try (NDManager root = NDManager.newBaseManager()) {
      MaskRcnn model = new MaskRcnn(cfg.model());
      model.initializeParameters(root);
      List<Pair<String, Parameter>> params = model.getParameters().stream().collect(Collectors.toList());
      Sgd sgd = new Sgd(root, s.momentum(), s.weightDecay(), s.gradClip());
      for (int i = 0; i < steps; i++) {
        Map<String, Float> v = Training.step(model, root, sgd, params, batch, s.lr(), new Random(i));
        System.out.println("step " + i + " " + v);
      }
      printDetections(model, root, batch);
    }
  }

  /** Inference on the training batch after the steps: per image the count and sums of scores, boxes and masks. */
  private static void printDetections(MaskRcnn model, NDManager root, Batch batch) {
    try (NDManager m = root.newSubManager()) {
      NDArray x = m.create(batch.pixels(), new Shape(batch.size(), 3, batch.height(), batch.width()));
      int[][] sizes = new int[batch.size()][];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = new int[] {batch.samples().get(i).width(), batch.samples().get(i).height()};
      }
      List<Detections> dets = model.detect(new ParameterStore(root, false), x, sizes);
      for (int i = 0; i < dets.size(); i++) {
        Detections d = dets.get(i);
        System.out.printf("detect %d: %d boxes, scores %s, boxes %s, masks %s, labels %s%n", i, d.size(),
            sum(d.scores()), sum(d.boxes()), sum(d.masks()), java.util.Arrays.stream(d.labels()).sum());
      }
    }
  }

  private static double sum(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s;
  }
}
