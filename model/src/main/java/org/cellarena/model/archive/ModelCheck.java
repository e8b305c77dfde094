package org.cellarena.model.archive;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.predict.LoadedModel;
import org.cellarena.model.predict.PredictionThresholds;
import org.cellarena.model.pretrained.WeightsException;
import org.cellarena.model.runtime.EngineLogging;

/**
 * Checks an unpacked model archive without predicting: its files are within bounds, its config builds a model of
 * bounded size, its thresholds read, and its weights load into that model through the code {@code predict} uses,
 * every tensor present with its shape and none extra. What fails is said in one sentence that names the file,
 * the config key and value, or the tensor and both shapes; no path of the server's, no engine internals.
 */
public final class ModelCheck {
  private static final Logger LOG = Logger.getLogger(ModelCheck.class.getName());

  private ModelCheck() {}

  public static ModelSummary check(Path modelDir) throws ModelArchiveException {
    Path weights = weightsIn(modelDir);
    try {
      TrainConfig config = config(modelDir);
      ConfigLimits.check(config);
      ParameterFloor.check(config.model(), weights.getFileName().toString(), Files.size(weights));
      PredictionThresholds thresholds = thresholds(modelDir);
      EngineLogging.apply();
      try (NDManager manager = NDManager.newBaseManager()) {
        LoadedModel loaded = LoadedModel.load(modelDir, manager, 0);
        long parameters = loaded.model().parameterCount();
        return new ModelSummary(sha256(weights), parameters, describe(loaded, parameters, thresholds != null));
      }
    } catch (WeightsException e) {
      throw new ModelArchiveException(weights.getFileName() + ": " + withoutPath(e.getMessage(), modelDir));
    } catch (ConfigException e) {
      throw new ModelArchiveException("config.json: " + withoutPath(e.getMessage(), modelDir));
    } catch (IOException | RuntimeException e) {
      String sentence = weights.getFileName() + " could not be read as "
          + (LoadedModel.isStateDict(weights) ? "a state dict of float32 tensors" : "a CellArena checkpoint");
      LOG.log(Level.WARNING, "model check of " + modelDir + ": " + sentence, e);
      throw new ModelArchiveException(sentence, e);
    }
  }

  /** The one weights file, each file within its size. */
  private static Path weightsIn(Path modelDir) throws ModelArchiveException {
    List<Path> found = LoadedModel.WEIGHT_NAMES.stream().map(modelDir::resolve).filter(Files::isRegularFile)
        .toList();
    if (found.size() != 1) {
      throw new ModelArchiveException("a model archive holds exactly one weights file (one of "
          + String.join(", ", LoadedModel.WEIGHT_NAMES) + "), this one " + found.size());
    }
    if (!Files.isRegularFile(modelDir.resolve(ModelArchive.CONFIG))) {
      throw new ModelArchiveException("a model archive holds " + ModelArchive.CONFIG + ", the config that builds its"
          + " model; this one has none");
    }
    Path state = modelDir.resolve(ModelArchive.STATE);
    try {
      ModelArchive.requireSize(found.get(0), ModelArchive.MAX_WEIGHTS_BYTES);
      ModelArchive.requireSize(modelDir.resolve(ModelArchive.CONFIG), ModelArchive.MAX_JSON_BYTES);
      if (Files.exists(state)) {
        ModelArchive.requireSize(state, ModelArchive.MAX_JSON_BYTES);
      }
    } catch (IOException e) {
      throw new ModelArchiveException("the model archive's files could not be read", e);
    }
    return found.get(0);
  }

  private static TrainConfig config(Path modelDir) {
    return ConfigLoader.load(modelDir.resolve(ModelArchive.CONFIG), List.of());
  }

  /** The tuned thresholds of {@code model.json}, or null without one. */
  private static PredictionThresholds thresholds(Path modelDir) throws ModelArchiveException, IOException {
    Path state = modelDir.resolve(ModelArchive.STATE);
    if (!Files.exists(state)) {
      return null;
    }
    try {
      JsonObject o = JsonParser.parseString(Files.readString(state)).getAsJsonObject();
      return o.has("thresholds") ? PredictionThresholds.fromJson(o.getAsJsonObject("thresholds"),
          PredictionThresholds.defaults(0.5f)) : null;
    } catch (RuntimeException e) {
      throw new ModelArchiveException(ModelArchive.STATE + " is not a checkpoint state: its thresholds must be an"
          + " object of numbers (score, mask, min_area)");
    }
  }

  private static String describe(LoadedModel loaded, long parameters, boolean tuned) {
    var m = loaded.config().model();
    return String.format("ResNeSt FPN Mask R-CNN, stage blocks %s, %d class%s, %.2f M parameters, flip TTA %s,"
        + " thresholds %s", Arrays.toString(m.backbone().stageBlocks()), m.numClasses(),
        m.numClasses() == 1 ? "" : "es", parameters / 1e6, loaded.config().data().testFlip() ? "on" : "off",
        tuned ? "tuned on validation" : "the defaults");
  }

  private static String withoutPath(String message, Path modelDir) {
    return message.replace(modelDir.toAbsolutePath() + "/", "").replace(modelDir + "/", "");
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
