package org.cellarena.model.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.cellarena.model.rcnn.MaskRcnn;

/**
 * A training work dir's checkpoints: {@code epoch_N.params} with {@code epoch_N.json} (epoch, iteration, validation
 * result, tuned thresholds) each epoch, {@code latest.optim} (momentum) and {@code latest.json} for
 * {@code --resume}, and {@code best.params}/{@code best.json} for the best validation mAP. {@code config.json}
 * holds the configuration the model was built from.
 */
public final class Checkpoints {
  private final Path dir;

  public Checkpoints(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path configFile() {
    return dir.resolve("config.json");
  }

  public void writeConfig(JsonObject json) throws IOException {
    Files.writeString(configFile(), new GsonBuilder().setPrettyPrinting().create().toJson(json));
  }

  /** True when the dir holds (part of) a training run: its configuration, metrics or a checkpoint. */
  public boolean holdsRun() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(Checkpoints::isRunFile);
    }
  }

  /** Deletes a run's files (those {@link #holdsRun()} looks for, the loss curve and partial saves); nothing else. */
  public void clearRun() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(Checkpoints::isRunFile).toList()) {
        Files.delete(p);
      }
    }
  }

  private static boolean isRunFile(Path p) {
    String name = p.getFileName().toString();
    return name.matches("(config|split|latest|best|epoch_\\d+)\\.json|metrics\\.jsonl|loss_curve\\.png"
        + "|latest\\.optim|(best|epoch_\\d+)\\.params(\\.tmp)?");
  }

  /** Saves the model and state of an epoch, and marks it as the latest. */
  public void save(String name, MaskRcnn model, Sgd sgd, JsonObject state) throws IOException {
    Path params = dir.resolve(name + ".params");
    Path tmp = dir.resolve(name + ".params.tmp");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp));
        DataOutputStream dos = new DataOutputStream(os)) {
      model.saveParameters(dos);
    }
    Files.move(tmp, params, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    writeJson(dir.resolve(name + ".json"), state);
    if (sgd != null) {
      NDList s = sgd.state();
      Files.write(dir.resolve("latest.optim"), s.encode());
      s.close();
    }
    JsonObject latest = state.deepCopy();
    latest.addProperty("checkpoint", name);
    writeJson(dir.resolve("latest.json"), latest);
  }

  /** Copies a saved checkpoint to {@code best}. */
  public void markBest(String name) throws IOException {
    Files.copy(dir.resolve(name + ".params"), dir.resolve("best.params"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(dir.resolve(name + ".json"), dir.resolve("best.json"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The state of the latest checkpoint, or null. */
  public JsonObject latest() throws IOException {
    Path p = dir.resolve("latest.json");
    return Files.exists(p) ? readJson(p) : null;
  }

  /** The state of the best checkpoint, or null. */
  public JsonObject best() throws IOException {
    Path p = dir.resolve("best.json");
    return Files.exists(p) ? readJson(p) : null;
  }

  public void loadOptimizer(Sgd sgd, NDManager manager) throws IOException {
    Path p = dir.resolve("latest.optim");
    if (Files.exists(p)) {
      sgd.load(NDList.decode(manager, Files.readAllBytes(p)));
    }
  }

  static void writeJson(Path file, JsonObject o) throws IOException {
    Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(o));
  }

  static JsonObject readJson(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }
}
