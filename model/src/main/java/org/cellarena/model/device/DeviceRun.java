package org.cellarena.model.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.cuda.CudaUtils;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cellarena.model.archive.ModelArchiveException;
import org.cellarena.model.bench.GeneratedCells;
import org.cellarena.model.bench.GeneratedCellsOptions;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.Schedule;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.layers.StepProfile;
import org.cellarena.model.predict.Predictor;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.runtime.CpuThreads;
import org.cellarena.model.runtime.EngineInfo;
import org.cellarena.model.runtime.StopSignal;
import org.cellarena.model.train.Sgd;
import org.cellarena.model.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The device kit's run ({@code model/device/run.sh} calls it): on generated Sartorius-like images (no files, no
 * OpenCV), one training iteration as a smoke test, then timed training iterations of a config, then a prediction
 * pass, and a final JSON line with the figures. Progress goes to stderr, the JSON line to stdout.
 */
@Command(name = "device-run", mixinStandardHelpOptions = true,
    description = "Smoke iteration, timed training and a prediction pass on generated images; one JSON line at the end.")
public final class DeviceRun implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "training configuration (JSON)")
  Path config;

  @Mixin GeneratedCellsOptions workload;

  @Option(names = "--iterations", defaultValue = "20", description = "timed training iterations after the smoke iteration (default ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--predict-images", defaultValue = "4", description = "images in the prediction pass (default ${DEFAULT-VALUE})")
  int predictImages;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DeviceRun()).execute(args));
  }

  @Override
  public Integer call() {
    try {
      if (!Files.isRegularFile(config)) {
        throw new IllegalArgumentException("config not found: " + config);
      }
      if (workload.imageSize() < 64 || workload.cells() < 1 || iterations < 0 || predictImages < 0) {
        throw new IllegalArgumentException("need --image-size >= 64, --cells >= 1, --iterations >= 0, --predict-images >= 0");
      }
      System.out.println(run(ConfigLoader.load(config, List.of())));
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("device-run: " + e.getMessage());
      return 2;
    } catch (IOException | ModelArchiveException e) {
      System.err.println("device-run: the inference path failed: " + e.getMessage());
      return 1;
    }
  }

  private JsonObject run(TrainConfig cfg) throws IOException, ModelArchiveException {
    CpuThreads.apply(cfg.json());
    log(EngineInfo.deviceLine());
    Device device = Engine.getInstance().defaultDevice();
    JsonObject out = new JsonObject();
    out.addProperty("device", device.toString());
    out.addProperty("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion() + " "
        + EngineInfo.flavour());
    out.addProperty("config", config.getFileName().toString());
    Batch batch = GeneratedCells.batch(cfg.data().batchSize(), workload.imageSize(), workload.cells(), cfg.seed());
    out.addProperty("input", batch.size() + "x" + batch.width() + "x" + batch.height());
    out.addProperty("gt_per_image", batch.samples().get(0).labels().length);
    Schedule s = cfg.schedule();
    long peakGpu = 0;
    try (StopSignal.Guard engineWork = StopSignal.guard(); NDManager root = NDManager.newBaseManager()) {
      MaskRcnn model = new MaskRcnn(cfg.model());
      model.initializeParameters(root);
      out.addProperty("parameters_m", Math.round(model.parameterCount() / 1e4) / 100.0);
      List<Pair<String, Parameter>> params = model.getParameters().stream().collect(Collectors.toList());
      Sgd sgd = new Sgd(root, s.momentum(), s.weightDecay(), s.gradClip());
      float lr = s.lr() * 0.1f; // a warm-up-like rate: the weights are random
      long t0 = System.nanoTime();
      Map<String, Float> first = Training.step(model, root, sgd, params, batch, lr, new Random(0));
      double smoke = (System.nanoTime() - t0) / 1e9;
      log(String.format("smoke iteration: %.2f s, %s", smoke, first));
      out.addProperty("smoke_iteration_s", round(smoke));
      out.add("losses_first", json(first));
      peakGpu = Math.max(peakGpu, gpuUsedMib(device));
      StepProfile profile = StepProfile.recording();
      model.profile(profile);
      Map<String, Float> last = first;
      long timed = 0;
      for (int i = 1; i <= iterations; i++) {
        long t = System.nanoTime();
        last = Training.step(model, root, sgd, params, batch, lr, new Random(i), profile);
        timed += System.nanoTime() - t;
        peakGpu = Math.max(peakGpu, gpuUsedMib(device));
        if (i == 1 || i % 5 == 0 || i == iterations) {
          log(String.format("iteration %d/%d: %.2f images/s, loss %.4f", i, iterations,
              i * batch.size() / (timed / 1e9), last.get("loss")));
        }
      }
      model.profile(StepProfile.OFF);
      out.addProperty("iterations", iterations);
      out.addProperty("images_per_s", iterations == 0 ? 0 : round(iterations * batch.size() / (timed / 1e9)));
      out.addProperty("host_ms_per_image", iterations == 0 ? 0 : round(profile.totalHostMs() / (iterations * batch.size())));
      out.add("losses_last", json(last));
      out.addProperty("predict_images_per_s", round(predict(model, root, cfg, predictImages)));
      peakGpu = Math.max(peakGpu, gpuUsedMib(device));
      int[] size = testSize(cfg.data().testScale());
      InferencePath.run(model, config, predictImages, workload.cells(), size[0], size[1], out);
      log("inference path (archive files, check, load, predict): " + out.get("model_check_s") + " s check, "
          + out.get("inference_images_per_s") + " images/s");
    }
    out.addProperty("gpu_memory_used_peak_mib", device.isGpu() ? peakGpu : 0);
    out.addProperty("peak_rss_mib", peakRssMib());
    return out;
  }

  /** Images per second of {@link Predictor} on generated images at the test scale, after one warm-up image. */
  private double predict(MaskRcnn model, NDManager root, TrainConfig cfg, int images) {
    if (images == 0) {
      return 0;
    }
    int[] scale = cfg.data().testScale();
    int[] size = testSize(scale);
    int width = size[0];
    int height = size[1];
    Predictor p = new Predictor(model, root, scale, false);
    Random r = new Random(1);
    GrayImage warm = GeneratedCells.image(width, height, workload.cells(), r);
    p.predict(warm);
    long t = System.nanoTime();
    int found = 0;
    for (int i = 0; i < images; i++) {
      found += p.predict(GeneratedCells.image(width, height, workload.cells(), r)).size();
    }
    double ips = images / ((System.nanoTime() - t) / 1e9);
    log(String.format("prediction: %d images of %dx%d, %.2f images/s, %d detections", images, width, height, ips,
        found));
    return ips;
  }

  /**
   * The size the test scale gives a Sartorius-shaped image: images generated at it need no resize in the predictor
   * (no OpenCV in the kit).
   */
  static int[] testSize(int[] scale) {
    int width = Math.max(scale[0], scale[1]);
    int height = (int) Math.round(width * GeneratedCells.ASPECT);
    if (height > Math.min(scale[0], scale[1])) {
      height = Math.min(scale[0], scale[1]);
      width = (int) Math.round(height / GeneratedCells.ASPECT);
    }
    return new int[] {width, height};
  }

  private static long gpuUsedMib(Device d) {
    if (!d.isGpu()) {
      return 0;
    }
    java.lang.management.MemoryUsage m = CudaUtils.getGpuMemory(d);
    return m.getUsed() >> 20;
  }

  private static long peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }

  private static JsonObject json(Map<String, Float> values) {
    JsonObject o = new JsonObject();
    values.forEach((k, v) -> o.addProperty(k, round(v)));
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static void log(String line) {
    System.err.println(line);
    System.err.flush();
  }
}
