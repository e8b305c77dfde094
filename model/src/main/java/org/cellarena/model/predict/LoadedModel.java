package org.cellarena.model.predict;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.pretrained.PretrainedImporter;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.rcnn.MaskRcnnConfig;
import org.cellarena.model.rcnn.ParamsFile;
import org.cellarena.model.runtime.CpuThreads;

/**
 * A trained model loaded for prediction: from a training work dir (its {@code best.params}, else the latest epoch),
 * an unpacked model archive (its {@code model.params}, or a whole mmdet state dict through the pretrained importer)
 * or one {@code .params} file with {@code config.json} beside it; thresholds from the checkpoint's
 * {@code .json} (tuned on validation) or the defaults; {@code thresholdsTta} tells whether they were tuned on
 * flip-averaged predictions (null when none were tuned: the defaults).
 */
public record LoadedModel(MaskRcnn model, TrainConfig config, PredictionThresholds thresholds, Boolean thresholdsTta,
    Path params) {
  /** The weights file of a model dir, an unpacked model archive. */
  public static final List<String> WEIGHT_NAMES = List.of("model.params", "model.safetensors", "model.npz");

  public static LoadedModel load(Path checkpoint, NDManager manager, int maxDetections) throws IOException {
    Path params = paramsFile(checkpoint);
    Path configFile = configBeside(params);
    TrainConfig cfg = ConfigLoader.load(configFile, List.of());
    CpuThreads.apply(cfg.json());
    MaskRcnnConfig m = cfg.model();
    if (maxDetections > 0) {
      MaskRcnnConfig.Rcnn r = m.rcnn();
      m = new MaskRcnnConfig(m.numClasses(), m.backbone(), m.fpnChannels(), m.anchorScales(), m.anchorRatios(),
          m.strides(), m.rpn(), new MaskRcnnConfig.Rcnn(r.boxConvs(), r.boxConvChannels(), r.boxFcChannels(),
              r.maskConvs(), r.maskChannels(), r.headNorm(), r.posIou(), r.samples(), r.posFraction(),
              r.finestScale(), r.roiChunk(), r.scoreThreshold(), r.nmsIou(), maxDetections, r.maskThreshold()));
    }
    MaskRcnn model = new MaskRcnn(m);
    model.initializeParameters(manager);
    if (isStateDict(params)) {
      PretrainedImporter.loadWholeModel(model, params, manager);
    } else {
      ParamsFile.load(model, params);
    }
    PredictionThresholds t = PredictionThresholds.defaults(m.rcnn().maskThreshold());
    Boolean tta = null;
    Path state = stateBeside(params);
    if (Files.exists(state)) {
      JsonObject o = JsonParser.parseString(Files.readString(state)).getAsJsonObject();
      if (o.has("thresholds")) {
        JsonObject tj = o.getAsJsonObject("thresholds");
        t = PredictionThresholds.fromJson(tj, t);
        tta = tj.has("tta") && tj.get("tta").getAsBoolean();
      }
    }
    return new LoadedModel(model, cfg, t, tta, params);
  }

  /**
   * The checkpoint's weights: a work dir's {@code best.params}, else its latest epoch; a model dir's one
   * {@code model.params}, {@code model.safetensors} or {@code model.npz} (an unpacked model archive); or the file
   * itself.
   */
  public static Path paramsFile(Path checkpoint) throws IOException {
    if (Files.isRegularFile(checkpoint)) {
      return checkpoint;
    }
    if (!Files.isDirectory(checkpoint)) {
      throw new IllegalArgumentException("checkpoint not found: " + checkpoint);
    }
    Path best = checkpoint.resolve("best.params");
    if (Files.exists(best)) {
      return best;
    }
    Path latest = checkpoint.resolve("latest.json");
    if (!Files.exists(latest)) {
      return modelWeights(checkpoint);
    }
    String name = JsonParser.parseString(Files.readString(latest)).getAsJsonObject().get("checkpoint").getAsString();
    return checkpoint.resolve(name + ".params");
  }

  /** The checkpoint's state JSON, with its tuned thresholds, beside its weights: {@code epoch_3.json}. */
  public static Path stateBeside(Path weights) {
    String base = weights.getFileName().toString().replaceFirst("\\.(params|safetensors|npz)$", "");
    return weights.resolveSibling(base + ".json");
  }

  /** Whether the weights are a whole mmdet state dict ({@code .safetensors}, {@code .npz}) for the importer. */
  public static boolean isStateDict(Path weights) {
    String name = weights.getFileName().toString();
    return name.endsWith(".safetensors") || name.endsWith(".npz");
  }

  private static Path modelWeights(Path dir) {
    List<Path> found = WEIGHT_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
    if (found.size() != 1) {
      throw new IllegalArgumentException("no checkpoint in " + dir + " (no best.params or latest.json, and "
          + (found.isEmpty() ? "none" : "more than one") + " of " + String.join(", ", WEIGHT_NAMES) + ")");
    }
    return found.get(0);
  }

  /** The {@code config.json} the checkpoint's model was built from, beside it. */
  public static Path configBeside(Path params) {
    Path configFile = params.toAbsolutePath().getParent().resolve("config.json");
    if (!Files.exists(configFile)) {
      throw new IllegalArgumentException("no config.json next to checkpoint " + params);
    }
    return configFile;
  }
}
