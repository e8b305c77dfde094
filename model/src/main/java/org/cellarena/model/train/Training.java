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
import java.util.LinkedHashMap;
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
import org.cellarena.model.predict.Predictor;
import org.cellarena.model.pretrained.PretrainedImporter;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.rcnn.ParamsFile;
import org.cellarena.model.runtime.CpuThreads;
import org.cellarena.model.runtime.EngineLogging;
import org.cellarena.model.runtime.Figures;
import org.cellarena.model.runtime.ProgressBar;
import org.cellarena.model.runtime.StopSignal;
import org.cellarena.model.validate.ValidationResult;
import org.cellarena.model.validate.Validator;

/**
 * The training loop: epochs of SGD steps on background-loaded batches (a fresh NDManager per iteration, so memory
 * stays flat), metrics to {@code metrics.jsonl}, a checkpoint and a validation each epoch, the best checkpoint
 * kept, the loss curve redrawn, and an optional time budget after which it validates, saves and stops.
 */
public final class Training {
  private static final int LOG_INTERVAL = 10;

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
    if (options.resume() && options.overwrite()) {
      throw new IllegalArgumentException("--resume and --overwrite exclude each other");
    }
    if (options.initFrom() != null) {
      CheckpointInit.checkOptions(options);
    }
    EngineLogging.apply();
    CpuThreads.apply(config.json());
    log(options.progress(), org.cellarena.model.runtime.EngineInfo.deviceLine());
    requirePretrainedForFrozenStages(config, options.resume() || options.initFrom() != null);
    Dataset dataset = Dataset.open(options.dataDir());
    Files.createDirectories(options.workDir());
    Checkpoints ckpt = new Checkpoints(options.workDir());
    if (!options.resume() && ckpt.holdsRun()) {
      if (!options.overwrite()) {
        throw new IllegalArgumentException("the work dir " + options.workDir() + " holds a training run already;"
            + " give --resume to continue it, --overwrite to replace it, or another --work-dir");
      }
      ckpt.clearRun();
    }
    Path savedSplit = options.workDir().resolve("split.json");
    Split split;
    if (options.splitFile() != null) {
      split = Split.read(options.splitFile(), dataset.ids());
    } else if (options.resume() && Files.exists(savedSplit)) {
      split = Split.read(savedSplit, dataset.ids()); // a resumed run keeps its split
    } else {
      split = Split.random(dataset.solution(dataset.ids()).images(), options.valFraction(), options.splitSeed());
    }
    if (split.train().isEmpty()) {
      throw new IllegalArgumentException("no training images left after the split");
    }
    if (!(options.resume() && options.splitFile() == null && Files.exists(savedSplit))) {
      JsonObject splitParams = new JsonObject();
      splitParams.addProperty("source", options.splitFile() != null ? options.splitFile().toString() : "random");
      splitParams.addProperty("val_fraction", options.valFraction());
      splitParams.addProperty("seed", options.splitSeed());
      split.write(savedSplit, splitParams);
    }
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
      int startEpoch = 0;
      long iter = 0;
      double bestMap = Double.NEGATIVE_INFINITY;
      int bestEpoch = -1;
      if (options.resume()) {
        JsonObject latest = ckpt.latest();
        if (latest == null) {
          throw new IllegalArgumentException("--resume: no checkpoint in " + options.workDir());
        }
        ParamsFile.load(model, options.workDir().resolve(latest.get("checkpoint").getAsString() + ".params"), root);
        ckpt.loadOptimizer(sgd, root);
        int epoch = latest.get("epoch").getAsInt();
        startEpoch = latest.has("complete") && !latest.get("complete").getAsBoolean() ? epoch - 1 : epoch;
        iter = latest.get("iter").getAsLong();
        metrics.truncateAfter(iter);
        JsonObject best = ckpt.best();
        if (best != null && best.has("val_map")) {
          bestMap = best.get("val_map").getAsDouble();
          bestEpoch = best.get("epoch").getAsInt();
        }
        log(out, "resumed from " + latest.get("checkpoint").getAsString() + " (iteration " + iter + "); training "
            + "from epoch " + (startEpoch + 1));
      }
      List<Pair<String, Parameter>> params = model.getParameters().stream().collect(Collectors.toList());
      int itersPerEpoch = BatchLoader.batches(BatchLoader.draws(dataset, split.train(), config.data()).size(),
          config.data().batchSize());
      Set<String> trainTypes = split.train().stream().map(id -> dataset.image(id).cellType())
          .collect(Collectors.toSet());
      for (String type : config.data().cellTypeRepeat().keySet()) {
        if (!trainTypes.contains(type)) {
          log(out, "note: data.cell_type_repeat names '" + type + "', a cell type no training image has "
              + new TreeSet<>(trainTypes));
        }
      }
      Budget budget = new Budget(options.maxIterations(), options.maxMinutes());
      long trainNanos = 0;
      long validationNanos = 0;
      long images = 0;
      long sessionIters = 0;
      int skipped = 0;
      ValidationResult lastVal = null;
      int lastEpoch = startEpoch;
      int it = 0;
      boolean complete = true;
      String stoppedBy = null;
      ProgressBar bar = out == null ? null : new ProgressBar(out);
      // under a budget the budget, not the epochs, ends the run; an epoch the budget cuts short is the last
      for (int epoch = startEpoch; (budget.limited() || epoch < sched.epochs()) && complete && stoppedBy == null
          && !budget.spent(sessionIters); epoch++) {
        Map<String, Double> window = new LinkedHashMap<>();
        int inWindow = 0;
        it = 0;
        long epochIters = budget.byIterations()
            ? Math.min(itersPerEpoch, budget.maxIterations() - sessionIters) : itersPerEpoch;
        String label = epochLabel(epoch, startEpoch, itersPerEpoch, sched.epochs(), budget);
        try (BatchLoader loader = new BatchLoader(dataset, split.train(), config.data(), true, config.seed() * 7919 + epoch)) {
          while (loader.hasNext()) {
            if (StopSignal.requested()) {
              stoppedBy = "a stop signal";
              break;
            }
            long t0 = System.nanoTime();
            Batch batch = loader.next();
            float lr = budget.limited() ? sched.lrInBudget(sessionIters, budget.fractionSpent(sessionIters))
                : sched.lr(iter, epoch + (double) it / itersPerEpoch);
            Map<String, Float> values = step(model, root, sgd, params, batch, lr, new Random(config.seed() * 31 + iter));
            trainNanos += System.nanoTime() - t0;
            images += batch.size();
            iter++;
            it++;
            sessionIters++;
            if (values.remove("skipped") != null) {
              skipped++;
              if (skipped == 1) {
                note(bar, out, "skipped step " + iter + ": a non-finite gradient (first in " + sgd.nonFinite() + ");"
                    + " normal early in training, many in a row mean the learning rate is too high (optimizer.lr)");
              }
              if (skipped > 20) {
                throw new IllegalStateException("more than 20 iterations with non-finite gradients; lower optimizer.lr");
              }
            }
            values.forEach((k, v) -> window.merge(k, (double) v, Double::sum));
            inWindow++;
            double ips = images / (trainNanos / 1e9);
            boolean last = !loader.hasNext() || budget.spent(sessionIters);
            if (inWindow == LOG_INTERVAL || last) {
              JsonObject rec = new JsonObject();
              rec.addProperty("epoch", epoch + 1);
              rec.addProperty("iter", iter);
              rec.addProperty("lr", lr);
              for (Map.Entry<String, Double> e : window.entrySet()) {
                rec.addProperty(e.getKey(), e.getValue() / inWindow);
              }
              rec.addProperty("images_per_s", ips);
              metrics.append(rec);
              window.clear();
              inWindow = 0;
            }
            if (bar != null) {
              Map<String, Float> shown = new LinkedHashMap<>(values);
              shown.put("lr", lr);
              double secondsPerIter = trainNanos / 1e9 / sessionIters;
              double eta = budget.limited() ? budget.secondsLeft(sessionIters, secondsPerIter)
                  : ((long) (sched.epochs() - epoch) * itersPerEpoch - it) * secondsPerIter;
              bar.update(label, it, epochIters, shown, ips, eta, last);
            }
            if (budget.spent(sessionIters)) {
              if (!budget.iterationsDone(sessionIters) && budget.byIterations()) {
                stoppedBy = budget.capName();
              }
              break;
            }
          }
        }
        if (bar != null) {
          bar.finish();
        }
        if (stoppedBy != null && !stoppedBy.startsWith("a stop")) {
          log(out, stoppedBy + " stopped training at iteration " + iter + " (" + sessionIters + " of "
              + budget.maxIterations() + " in this run); validating and saving");
        }
        long v0 = System.nanoTime();
        complete = it == itersPerEpoch;
        lastEpoch = epoch + 1;
        JsonObject state = new JsonObject();
        state.addProperty("epoch", lastEpoch);
        state.addProperty("complete", complete);
        state.addProperty("iterations_in_epoch", it);
        state.addProperty("iter", iter);
        String name = "epoch_" + lastEpoch;
        boolean validated = false;
        boolean signalled = stoppedBy != null && stoppedBy.startsWith("a stop");
        if (!signalled && !split.val().isEmpty() && validates(epoch == startEpoch, complete, sessionIters, budget, sched)) {
          try {
            lastVal = validate(model, root, dataset, split);
            validated = true;
            addValidation(state, lastVal);
            metrics.append(validationRecord(lastEpoch, iter, lastVal));
            log(out, validationLine(lastEpoch, complete ? null : it + " of " + itersPerEpoch + " iterations", lastVal)
                + (config.data().testFlip() ? ", flips averaged" : ""));
          } catch (StopSignal.Stopped e) {
            stoppedBy = "a stop signal";
            signalled = true;
          }
        }
        ckpt.save(name, model, sgd, state);
        if (validated && lastVal.map() > bestMap) {
          bestMap = lastVal.map();
          bestEpoch = lastEpoch;
          ckpt.markBest(name);
        } else if (split.val().isEmpty()) {
          ckpt.markBest(name);
          bestEpoch = lastEpoch;
        }
        if (signalled) {
          log(out, "stopped: kept " + name + (complete ? "" : " (" + it + " of " + itersPerEpoch + " iterations)")
              + " in " + options.workDir() + "; --resume continues " + (complete ? "after it" : "from its start"));
          break;
        }
        LossCurve.write(metrics.read(), options.workDir().resolve("loss_curve.png"));
        long spentSaving = System.nanoTime() - v0;
        validationNanos += spentSaving;
        if (validated) {
          budget.reserve(spentSaving);
        }
      }
      double ips = trainNanos == 0 ? 0 : images / (trainNanos / 1e9);
      return new TrainResult(bestEpoch < 0 || split.val().isEmpty() ? Double.NaN : bestMap, bestEpoch, lastVal,
          startEpoch + 1, lastEpoch, sched.epochs(), budget.describe(), stoppedBy, complete, it, itersPerEpoch, iter,
          skipped, ips, trainNanos / 1e9, validationNanos / 1e9, budget.elapsedNanos() / 1e9, options.workDir());
    }
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
   * Whether an epoch's end validates. Without a budget, always. Under one (where validations eat into the training
   * time) only the first epoch (which measures how long a validation takes, the time to keep for the last), the
   * last, and those after the last step decay, where picking the best checkpoint matters.
   */
  static boolean validates(boolean firstOfRun, boolean complete, long sessionIters, Budget budget, Schedule sched) {
    return !budget.limited() || firstOfRun || !complete || budget.spent(sessionIters)
        || budget.fractionSpent(sessionIters) * sched.epochs() >= sched.lastStep();
  }

  /**
   * "epoch 3/12"; under a budget of iterations "epoch 3/5", the epochs they make; under minutes alone "epoch 3":
   * a total that does not change while the run goes on.
   */
  static String epochLabel(int epoch, int startEpoch, int itersPerEpoch, int maxEpochs, Budget budget) {
    if (budget.byIterations()) {
      return "epoch " + (epoch + 1) + "/" + (startEpoch + (budget.maxIterations() + itersPerEpoch - 1) / itersPerEpoch);
    }
    return budget.timed() ? "epoch " + (epoch + 1) : "epoch " + (epoch + 1) + "/" + maxEpochs;
  }

  private ValidationResult validate(MaskRcnn model, NDManager root, Dataset dataset, Split split) throws IOException {
    Predictor predictor = new Predictor(model, root, config.data().testScale(), config.data().testFlip());
    return new Validator(dataset, split.val(), 10, config.model().numClasses(),
        config.model().rcnn().maskThreshold()).validate(predictor);
  }

  /** The validation's figures in an epoch's checkpoint state. */
  private void addValidation(JsonObject state, ValidationResult v) {
    state.addProperty("val_map", v.map());
    state.addProperty("val_map_tuned", v.tunedMap());
    state.add("val_map_per_type", perType(v));
    state.add("thresholds", thresholds(v));
  }

  /** The validation's record in metrics.jsonl. */
  private JsonObject validationRecord(int epoch, long iter, ValidationResult v) {
    JsonObject rec = new JsonObject();
    rec.addProperty("epoch", epoch);
    rec.addProperty("iter", iter);
    rec.addProperty("val_map", v.map());
    rec.addProperty("val_map_tuned", v.tunedMap());
    rec.add("val_map_per_type", perType(v));
    rec.add("thresholds", thresholds(v));
    return rec;
  }

  private static JsonObject perType(ValidationResult v) {
    JsonObject per = new JsonObject();
    v.perType().forEach(per::addProperty);
    return per;
  }

  private JsonObject thresholds(ValidationResult v) {
    JsonObject thresholds = v.thresholds().toJson();
    thresholds.addProperty("tta", config.data().testFlip()); // tuned on flip-averaged predictions or not
    return thresholds;
  }

  /**
   * "epoch 3: val mAP 0.194 (astro 0.0240, cort 0.500, shsy5y 0.130), 0.201 at score >= 0.5, mask >= 0.4 tuned on
   * all; 7 images in 4.1 s": first each half at the other half's thresholds, then all at the thresholds kept.
   */
  static String validationLine(int epoch, String partial, ValidationResult v) {
    return String.format("epoch %d%s: val mAP %s (%s), %s at score >= %.2f, mask >= %.2f tuned on all; %d images in"
        + " %.1f s", epoch, partial == null ? "" : " (" + partial + ")", Figures.sig3(v.map()),
        Figures.perType(v.perType()), Figures.sig3(v.tunedMap()), v.thresholds().score(), v.thresholds().mask(),
        v.images(), v.seconds());
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

  private static void note(ProgressBar bar, PrintStream out, String line) {
    if (bar != null) {
      bar.note(line);
    } else {
      log(out, line);
    }
  }

  private static void log(PrintStream out, String line) {
    if (out != null) {
      out.println(line);
      out.flush();
    }
  }
}
