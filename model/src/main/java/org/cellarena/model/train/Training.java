package org.cellarena.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cellarena.model.config.Schedule;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.BatchLoader;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.Split;
import org.cellarena.model.layers.LossParts;
import org.cellarena.model.layers.StepProfile;
import org.cellarena.model.pretrained.PretrainedImporter;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.rcnn.ParamsFile;
import org.cellarena.model.runtime.CpuThreads;
import org.cellarena.model.runtime.EngineInfo;
import org.cellarena.model.runtime.EngineLogging;
import org.cellarena.model.runtime.StopSignal;

/**
 * A training run: checks the options, prepares the work dir and the train/val split, builds the model (from
 * scratch, pretrained weights, another run or the checkpoint it resumes) and runs the {@link Trainer} with its
 * hooks: metrics, progress, validation, checkpoints and the loss curve.
 */
public final class Training {
  private final TrainConfig config;
  private final TrainOptions options;

  public Training(TrainConfig config, TrainOptions options) {
    this.config = config;
    this.options = options;
  }

  public TrainResult run() throws IOException {
    try (StopSignal.Guard engineWork = StopSignal.guard()) {
      return train();
    }
  }

  private TrainResult train() throws IOException {
    checkOptions();
    EngineLogging.apply();
    CpuThreads.apply(config.json());
    log(options.progress(), EngineInfo.deviceLine());
    requirePretrainedForFrozenStages(config, options.resume() || options.initFrom() != null);
    Dataset dataset = Dataset.open(options.dataDir());
    Checkpoints ckpt = workDir();
    Split split = split(dataset);
    ckpt.writeConfig(config.json());
    PrintStream out = options.progress();
    try (NDManager root = NDManager.newBaseManager()) {
      MaskRcnn model = new MaskRcnn(config.model());
      model.initializeParameters(root);
      if (options.initFrom() != null) {
        log(out, initFrom(model, ckpt, root));
      } else if (config.pretrained() != null && !options.resume()) {
        log(out, PretrainedImporter.load(model, Path.of(config.pretrained()), root).summary());
      }
      Schedule sched = config.schedule();
      Sgd sgd = new Sgd(root, sched.momentum(), sched.weightDecay(), sched.gradClip());
      MetricsLog metrics = new MetricsLog(options.workDir().resolve("metrics.jsonl"));
      Resumed resumed = options.resume() ? resume(model, sgd, ckpt, metrics, root) : Resumed.FRESH;
      int itersPerEpoch = BatchLoader.batches(BatchLoader.draws(dataset, split.train(), config.data()).size(),
          config.data().batchSize());
      noteCellTypesWithoutImages(dataset, split);
      TrainState state = resumed.state(sched, new Budget(options.maxIterations(), options.maxMinutes()),
          itersPerEpoch);
      List<TrainHook> hooks = hooks(model, root, sgd, dataset, split, ckpt, metrics);
      return result(new Trainer(model, root, sgd, dataset, split, config, state, hooks).train(), split);
    }
  }

  private void checkOptions() {
    if (options.resume() && options.overwrite()) {
      throw new IllegalArgumentException("--resume and --overwrite exclude each other");
    }
    if (options.initFrom() != null) {
      CheckpointInit.checkOptions(options);
    }
  }

  /** The work dir, created; a run already there is refused unless resumed or overwritten. */
  private Checkpoints workDir() throws IOException {
    Files.createDirectories(options.workDir());
    Checkpoints ckpt = new Checkpoints(options.workDir());
    if (!options.resume() && ckpt.holdsRun()) {
      if (!options.overwrite()) {
        throw new IllegalArgumentException("the work dir " + options.workDir() + " holds a training run already;"
            + " give --resume to continue it, --overwrite to replace it, or another --work-dir");
      }
      ckpt.clearRun();
    }
    return ckpt;
  }

  /** The split file given, the one a resumed run kept, or a random one; saved in the work dir as split.json. */
  private Split split(Dataset dataset) throws IOException {
    Path savedSplit = options.workDir().resolve("split.json");
    boolean kept = options.resume() && options.splitFile() == null && Files.exists(savedSplit);
    Split split;
    if (options.splitFile() != null) {
      split = Split.read(options.splitFile(), dataset.ids());
    } else if (kept) {
      split = Split.read(savedSplit, dataset.ids()); // a resumed run keeps its split
    } else {
      split = Split.random(dataset.solution(dataset.ids()).images(), options.valFraction(), options.splitSeed());
    }
    if (split.train().isEmpty()) {
      throw new IllegalArgumentException("no training images left after the split");
    }
    if (!kept) {
      JsonObject splitParams = new JsonObject();
      splitParams.addProperty("source", options.splitFile() != null ? options.splitFile().toString() : "random");
      splitParams.addProperty("val_fraction", options.valFraction());
      splitParams.addProperty("seed", options.splitSeed());
      split.write(savedSplit, splitParams);
    }
    return split;
  }

  /** Where a resumed run goes on: the epoch to train next, the iteration count and the best validation so far. */
  private record Resumed(int startEpoch, long iter, double bestMap, int bestEpoch) {
    static final Resumed FRESH = new Resumed(0, 0, Double.NEGATIVE_INFINITY, -1);

    TrainState state(Schedule sched, Budget budget, int itersPerEpoch) {
      TrainState s = new TrainState(sched, budget, startEpoch, itersPerEpoch);
      s.iter = iter;
      s.bestMap = bestMap;
      s.bestEpoch = bestEpoch;
      return s;
    }
  }

  /** Loads the latest checkpoint's weights and momentum; drops the metrics recorded after it. */
  private Resumed resume(MaskRcnn model, Sgd sgd, Checkpoints ckpt, MetricsLog metrics, NDManager root)
      throws IOException {
    JsonObject latest = ckpt.latest();
    if (latest == null) {
      throw new IllegalArgumentException("--resume: no checkpoint in " + options.workDir());
    }
    String name = latest.get("checkpoint").getAsString();
    ParamsFile.load(model, options.workDir().resolve(name + ".params"));
    ckpt.loadOptimizer(sgd, root);
    int epoch = latest.get("epoch").getAsInt();
    int startEpoch = latest.has("complete") && !latest.get("complete").getAsBoolean() ? epoch - 1 : epoch;
    long iter = latest.get("iter").getAsLong();
    metrics.truncateAfter(iter);
    JsonObject best = ckpt.best();
    boolean validated = best != null && best.has("val_map");
    log(options.progress(), "resumed from " + name + " (iteration " + iter + "); training from epoch "
        + (startEpoch + 1));
    return new Resumed(startEpoch, iter, validated ? best.get("val_map").getAsDouble() : Double.NEGATIVE_INFINITY,
        validated ? best.get("epoch").getAsInt() : -1);
  }

  private void noteCellTypesWithoutImages(Dataset dataset, Split split) {
    Set<String> trainTypes = split.train().stream().map(id -> dataset.image(id).cellType())
        .collect(Collectors.toSet());
    for (String type : config.data().cellTypeRepeat().keySet()) {
      if (!trainTypes.contains(type)) {
        log(options.progress(), "note: data.cell_type_repeat names '" + type + "', a cell type no training image has "
            + new TreeSet<>(trainTypes));
      }
    }
  }

  /** The hooks in the order they run: the bar finishes before the validation line, which the checkpoint saves. */
  private List<TrainHook> hooks(MaskRcnn model, NDManager root, Sgd sgd, Dataset dataset, Split split,
      Checkpoints ckpt, MetricsLog metrics) {
    PrintStream out = options.progress();
    List<TrainHook> hooks = new ArrayList<>();
    hooks.add(new MetricsHook(metrics));
    if (out != null) {
      hooks.add(new ProgressHook(out));
    }
    hooks.add(new ValidationHook(model, root, dataset, split, config, metrics, out));
    hooks.add(new CheckpointHook(ckpt, model, sgd, !split.val().isEmpty(), out));
    hooks.add(new LossCurveHook(metrics, options.workDir().resolve("loss_curve.png")));
    return hooks;
  }

  private TrainResult result(TrainState s, Split split) {
    double ips = s.trainNanos == 0 ? 0 : s.images / (s.trainNanos / 1e9);
    return new TrainResult(s.bestEpoch < 0 || split.val().isEmpty() ? Double.NaN : s.bestMap, s.bestEpoch,
        s.validation, s.startEpoch + 1, s.lastEpoch, s.schedule.epochs(), s.budget.describe(), s.stoppedBy,
        s.complete, s.it, s.itersPerEpoch, s.iter, s.skipped, ips, s.trainNanos / 1e9, s.validationNanos / 1e9,
        s.budget.elapsedNanos() / 1e9, options.workDir());
  }

  /** The weights of another run; a refusal leaves the work dir without this run, which had only just begun. */
  private String initFrom(MaskRcnn model, Checkpoints ckpt, NDManager root) throws IOException {
    try {
      String loaded = CheckpointInit.load(model, config.model().numClasses(), options.initFrom(), root).summary();
      return config.pretrained() == null ? loaded : loaded + "; model.backbone.pretrained not imported: --init-from"
          + " gives the weights";
    } catch (IllegalArgumentException e) {
      ckpt.clearRun();
      throw e;
    }
  }

  /**
   * Frozen stages keep the weights they start with, so without pretrained weights they would stay random: refused
   * (a resumed run takes its weights from its checkpoint).
   */
  static void requirePretrainedForFrozenStages(TrainConfig config, boolean resume) {
    int frozen = config.model().backbone().frozenStages();
    if (frozen >= 0 && config.pretrained() == null && !resume) {
      throw new IllegalArgumentException("model.backbone.frozen_stages is " + frozen + " but model.backbone.pretrained"
          + " is null: the frozen stem" + (frozen > 0 ? " and stages 1-" + frozen : "") + " would keep random weights."
          + " Give pretrained weights (--set model.backbone.pretrained=FILE.npz, see model/README.md) or train from"
          + " scratch with --set model.backbone.frozen_stages=-1");
    }
  }

  /**
   * One SGD step on a batch in its own NDManager; returns the loss values ({@code skipped} = 1 when the gradient
   * was not finite and the step was skipped).
   */
  public static Map<String, Float> step(MaskRcnn model, NDManager root, Sgd sgd, List<Pair<String, Parameter>> params,
      Batch batch, float lr, Random random) {
    return step(model, root, sgd, params, batch, lr, random, StepProfile.OFF);
  }

  /** As {@link #step}, recording the time of its parts in {@code profile}. */
  public static Map<String, Float> step(MaskRcnn model, NDManager root, Sgd sgd, List<Pair<String, Parameter>> params,
      Batch batch, float lr, Random random, StepProfile profile) {
    StopSignal.check(); // the training loop looks before it steps; other loops (benchmarks) stop here
    Map<String, Float> values;
    long t = profile.start();
    try (NDManager it = root.newSubManager()) {
      NDArray x = it.create(batch.pixels(), new Shape(batch.size(), 3, batch.height(), batch.width()));
      ParameterStore ps = new ParameterStore(root, false);
      t = profile.host("input_upload", t);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        LossParts lp = model.losses(ps, x, batch, random);
        t = profile.start();
        values = lp.values();
        t = profile.host("loss_values", t);
        if (!Float.isFinite(values.get("loss"))) {
          throw new IllegalStateException("the loss is not finite (" + values + "); lower optimizer.lr or set "
              + "optimizer.grad_clip");
        }
        gc.backward(lp.total());
        t = profile.engine("backward", t);
      }
    }
    sgd.step(params, lr);
    profile.engine("sgd", t);
    if (sgd.nonFinite() != null) {
      values.put("skipped", 1f);
    }
    return values;
  }

  static void log(PrintStream out, String line) {
    if (out != null) {
      out.println(line);
      out.flush();
    }
  }
}
