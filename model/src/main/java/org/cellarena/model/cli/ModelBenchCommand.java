package org.cellarena.model.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cellarena.model.bench.GeneratedCells;
import org.cellarena.model.bench.GeneratedCellsOptions;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.Schedule;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.data.Batch;
import org.cellarena.model.layers.StepProfile;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.runtime.CpuThreads;
import org.cellarena.model.runtime.StopSignal;
import org.cellarena.model.train.Sgd;
import org.cellarena.model.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cellarena model-bench}: times the parts of training iterations on generated images. */
@Command(
    name = "model-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time the parts of Mask R-CNN training iterations (or with --predict, inference) on generated images (Sartorius aspect 704:520, IMAGE-SIZE"
          + " px wide, CELLS cells each, one batch of the config's size, after warm-up iterations).",
      "host_ms_per_image is everything that is not the engine's forward, backward or optimizer work: targets,"
          + " proposals, RoIAlign matrices, transfers and waits for the device, per image."
    })
public final class ModelBenchCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "C", description = "training configuration (default: the seed, configs/mask_rcnn_s50_fpn_mstrain_sartorius.json)")
  Path config;

  @Mixin GeneratedCellsOptions workload;

  @Option(names = "--iterations", defaultValue = "2", description = "timed iterations (default ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--warmup", defaultValue = "1", description = "untimed iterations first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--predict", paramLabel = "N", defaultValue = "0", description = "time inference instead: N"
      + " generated images through predict's own loop, as a server runs a submitted model (default: training)")
  int predictImages;

  @Option(names = "--checkpoint", paramLabel = "W", description = "with --predict: the trained model to time (a work"
      + " dir, a .params file or an unpacked model archive; default: a fresh model of the config)")
  Path checkpoint;

  @Option(names = "--json", description = "print one JSON line instead of a table")
  boolean json;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config value, e.g. --set runner.cpu_threads=1 (repeatable)")
  List<String> overrides = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    try {
      if (workload.imageSize() < 64 || workload.cells() < 1 || iterations < 1 || warmup < 0) {
        throw new IllegalArgumentException("need --image-size >= 64, --cells >= 1, --iterations >= 1, --warmup >= 0");
      }
      Path cfgFile = config != null ? config : DefaultConfig.seed();
      if (!Files.isRegularFile(cfgFile)) {
        throw new IllegalArgumentException("config not found: " + cfgFile);
      }
      TrainConfig cfg = ConfigLoader.load(cfgFile, overrides);
      JsonObject out = predictImages > 0
          ? InferenceBench.run(cfg, checkpoint, predictImages, workload.imageSize(), workload.cells())
          : run(cfg, workload.imageSize(), workload.cells(), iterations, warmup);
      out.addProperty("load_average", loadAverage());
      out.addProperty("config", cfgFile.getFileName().toString());
      System.out.println(json ? out.toString() : table(out));
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("cellarena model-bench: " + e.getMessage());
      return 2;
    }
  }

  /** Runs the benchmark; the figures as JSON (milliseconds per image unless the key says otherwise). */
  public static JsonObject run(TrainConfig cfg, int imageSize, int cells, int iterations, int warmup) {
    int threads = CpuThreads.apply(cfg.json());
    int b = cfg.data().batchSize();
    Batch batch = GeneratedCells.batch(b, imageSize, cells, cfg.seed());
    Schedule s = cfg.schedule();
    StepProfile profile = StepProfile.recording();
    long total = 0;
    try (StopSignal.Guard engineWork = StopSignal.guard(); NDManager root = NDManager.newBaseManager()) {
      MaskRcnn model = new MaskRcnn(cfg.model());
      model.initializeParameters(root);
      model.profile(profile);
      List<Pair<String, Parameter>> params = model.getParameters().stream().collect(Collectors.toList());
      Sgd sgd = new Sgd(root, s.momentum(), s.weightDecay(), s.gradClip());
      for (int i = 0; i < warmup + iterations; i++) {
        if (i == warmup) {
          profile.clear();
        }
        long t0 = System.nanoTime();
        Training.step(model, root, sgd, params, batch, s.lr() * 0.01f, new Random(i), profile);
        if (i >= warmup) {
          total += System.nanoTime() - t0;
        }
      }
    }
    double images = (double) iterations * b;
    double iterMs = total / 1e6;
    double host = profile.totalHostMs();
    JsonObject o = new JsonObject();
    o.addProperty("device", Engine.getInstance().defaultDevice().toString());
    o.addProperty("image_size", imageSize);
    o.addProperty("input", batch.width() + "x" + batch.height());
    o.addProperty("cells", cells);
    o.addProperty("gt_per_image", batch.samples().stream().mapToInt(x -> x.labels().length).average().orElse(0));
    o.addProperty("batch", b);
    o.addProperty("iterations", iterations);
    o.addProperty("cpu_threads", threads > 0 ? threads : ai.djl.pytorch.jni.JniUtils.getNumThreads());
    o.addProperty("host_ms_per_image", round(host / images));
    o.addProperty("host_cpu_ms_per_image", round(profile.totalHostCpuMs() / images));
    o.addProperty("engine_ms_per_image", round((iterMs - host) / images));
    o.addProperty("iteration_s", round(iterMs / iterations / 1000));
    o.addProperty("images_per_s", round(images / (iterMs / 1000)));
    JsonObject hostParts = new JsonObject();
    profile.hostMs().forEach((k, v) -> hostParts.addProperty(k, round(v / images)));
    o.add("host_parts_ms_per_image", hostParts);
    JsonObject engineParts = new JsonObject();
    profile.engineMs().forEach((k, v) -> engineParts.addProperty(k, round(v / images)));
    o.add("engine_parts_ms_per_image", engineParts);
    return o;
  }

  private static String table(JsonObject o) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, com.google.gson.JsonElement> e : o.entrySet()) {
      if (e.getValue().isJsonObject()) {
        sb.append(e.getKey()).append(':').append('\n');
        e.getValue().getAsJsonObject().entrySet()
            .forEach(p -> sb.append(String.format("  %-28s %s%n", p.getKey(), p.getValue())));
      } else {
        sb.append(String.format("%-30s %s%n", e.getKey(), e.getValue().isJsonPrimitive()
            ? e.getValue().getAsJsonPrimitive().getAsString() : e.getValue()));
      }
    }
    return sb.toString().stripTrailing();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
