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
import java.util.stream.Collectors;
import org.cellarena.model.LossParts;
import org.cellarena.model.MaskRcnn;
import org.cellarena.model.StepProfile;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.BatchLoader;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.Split;
import org.cellarena.model.predict.Predictor;

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
    CpuThreads.apply(config.json());
    log(options.progress(), org.cellarena.model.device.EngineInfo.deviceLine());
    Dataset dataset = Dataset.open(options.dataDir());
    Files.createDirectories(options.workDir());
    Checkpoints ckpt = new Checkpoints(options.workDir());
    Path savedSplit = options.workDir().resolve("split.json");
    Split split;
    if (options.splitFile() != null) {
      split = Split.read(options.splitFile(), dataset.ids());
    } else if (options.resume() && Files.exists(savedSplit)) {
      split = Split.read(savedSplit, dataset.ids()); // a resumed run keeps its split
    } else {
      split = Split.random(dataset.ids(), options.valFraction(), options.splitSeed());
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
      if (config.pretrained() != null && !options.resume()) {
        int n = PretrainedImporter.load(model, java.nio.file.Path.of(config.pretrained()), root);
        log(out, "imported " + n + " pretrained backbone tensors from " + config.pretrained());
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
        Checkpoints.loadParameters(model, options.workDir().resolve(latest.get("checkpoint").getAsString() + ".params"), root);
        ckpt.loadOptimizer(sgd, root);
        startEpoch = latest.get("epoch").getAsInt();
        iter = latest.get("iter").getAsLong();
        JsonObject best = ckpt.best();
        if (best != null && best.has("val_map")) {
          bestMap = best.get("val_map").getAsDouble();
          bestEpoch = best.get("epoch").getAsInt();
        }
        log(out, "resumed from " + latest.get("checkpoint").getAsString() + " (epoch " + startEpoch + ", iter " + iter + ")");
      }
      List<Pair<String, Parameter>> params = model.getParameters().stream().collect(Collectors.toList());
      int itersPerEpoch = BatchLoader.batches(split.train().size() * config.data().repeat(),
          config.data().batchSize());
      long budgetNanos = options.maxMinutes() > 0 ? (long) (options.maxMinutes() * 60e9) : Long.MAX_VALUE;
      long trainNanos = 0;
      long images = 0;
      long sessionIters = 0;
      int skipped = 0;
      ValidationResult lastVal = null;
      int epochsDone = startEpoch;
      boolean outOfTime = false;
      for (int epoch = startEpoch; epoch < sched.epochs() && !outOfTime; epoch++) {
        ProgressBar bar = out == null ? null : new ProgressBar(out, String.format("epoch %d/%d", epoch + 1, sched.epochs()));
        Map<String, Double> window = new LinkedHashMap<>();
        int inWindow = 0;
        int it = 0;
        try (BatchLoader loader = new BatchLoader(dataset, split.train(), config.data(), true, config.seed() * 7919 + epoch)) {
          while (loader.hasNext()) {
            Batch batch = loader.next();
            long t0 = System.nanoTime();
            double progress = Math.max(epoch + (double) it / itersPerEpoch,
                budgetNanos == Long.MAX_VALUE ? 0 : (double) trainNanos / budgetNanos * sched.epochs());
            float lr = sched.lr(iter, progress);
            Map<String, Float> values = step(model, root, sgd, params, batch, lr, new Random(config.seed() * 31 + iter));
            trainNanos += System.nanoTime() - t0;
            images += batch.size();
            iter++;
            it++;
            sessionIters++;
            if (values.remove("skipped") != null) {
              skipped++;
              log(out, "\nskipped iteration " + iter + ": non-finite gradient (first in " + sgd.nonFinite() + ")");
              if (skipped > 20) {
                throw new IllegalStateException("more than 20 iterations with non-finite gradients; lower optimizer.lr");
              }
            }
            values.forEach((k, v) -> window.merge(k, (double) v, Double::sum));
            inWindow++;
            if (inWindow == LOG_INTERVAL || !loader.hasNext()) {
              JsonObject rec = new JsonObject();
              rec.addProperty("epoch", epoch + 1);
              rec.addProperty("iter", iter);
              rec.addProperty("lr", lr);
              for (Map.Entry<String, Double> e : window.entrySet()) {
                rec.addProperty(e.getKey(), e.getValue() / inWindow);
              }
              rec.addProperty("images_per_s", images / (trainNanos / 1e9));
              metrics.append(rec);
              window.clear();
              inWindow = 0;
            }
            double ips = images / (trainNanos / 1e9);
            if (bar != null) {
              Map<String, Float> shown = new LinkedHashMap<>(values);
              shown.put("lr", lr);
              double remainingIters = (double) (sched.epochs() - epoch) * itersPerEpoch - it;
              double eta = remainingIters * (trainNanos / 1e9) / Math.max(1, sessionIters);
              if (budgetNanos != Long.MAX_VALUE) {
                eta = Math.min(eta, (budgetNanos - trainNanos) / 1e9);
              }
              bar.update(it, itersPerEpoch, shown, ips, eta, !loader.hasNext());
            }
            if (trainNanos >= budgetNanos) {
              outOfTime = true;
              break;
            }
          }
        }
        if (bar != null) {
          bar.finish();
        }
        boolean complete = !outOfTime || it == itersPerEpoch;
        epochsDone = complete ? epoch + 1 : epoch;
        JsonObject state = new JsonObject();
        state.addProperty("epoch", epochsDone);
        state.addProperty("iter", iter);
        state.addProperty("complete", complete);
        String name = "epoch_" + (epoch + 1);
        if (!split.val().isEmpty()) {
          Predictor predictor = new Predictor(model, root, config.data().testScale(), false);
          lastVal = new Validator(dataset, split.val(), 10, config.model().numClasses()).validate(predictor);
          JsonObject rec = new JsonObject();
          rec.addProperty("epoch", epoch + 1);
          rec.addProperty("iter", iter);
          rec.addProperty("val_map", lastVal.map());
          JsonObject per = new JsonObject();
          lastVal.perType().forEach(per::addProperty);
          rec.add("val_map_per_type", per);
          rec.add("thresholds", lastVal.thresholds().toJson());
          metrics.append(rec);
          state.addProperty("val_map", lastVal.map());
          state.add("val_map_per_type", per);
          state.add("thresholds", lastVal.thresholds().toJson());
          log(out, String.format("epoch %d: val mAP %.4f %s (score >= %.2f, mask >= %.2f; %d images, %.1f s)",
              epoch + 1, lastVal.map(), lastVal.perType(), lastVal.thresholds().score(),
              lastVal.thresholds().mask(), lastVal.images(), lastVal.seconds()));
        }
        ckpt.save(name, model, sgd, state);
        if (lastVal != null && lastVal.map() > bestMap) {
          bestMap = lastVal.map();
          bestEpoch = epoch + 1;
          ckpt.markBest(name);
        } else if (split.val().isEmpty()) {
          ckpt.markBest(name);
          bestEpoch = epoch + 1;
        }
        LossCurve.write(metrics.read(), options.workDir().resolve("loss_curve.png"));
      }
      double ips = trainNanos == 0 ? 0 : images / (trainNanos / 1e9);
      return new TrainResult(bestEpoch < 0 || split.val().isEmpty() ? Double.NaN : bestMap, bestEpoch, lastVal, iter,
          epochsDone, ips, trainNanos / 1e9, options.workDir());
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

  private static void log(PrintStream out, String line) {
    if (out != null) {
      out.println(line);
      out.flush();
    }
  }
}
