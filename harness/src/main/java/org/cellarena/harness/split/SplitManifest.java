package org.cellarena.harness.split;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cellarena.harness.dataset.DataException;

/**
 * The split manifest: image ids of {@code train}, {@code val} and {@code holdout}, and the parameters that made
 * it (JSON: {@code {"train": [...], "val": [...], "holdout": [...], "params": {...}}}).
 */
public record SplitManifest(List<String> train, List<String> val, List<String> holdout, JsonObject params) {
  public static final List<String> PARTS = List.of("train", "val", "holdout");

  public SplitManifest {
    train = List.copyOf(train);
    val = List.copyOf(val);
    holdout = List.copyOf(holdout);
    params = params == null ? new JsonObject() : params.copy();
  }

  public List<String> part(String name) {
    return switch (name) {
      case "train" -> train;
      case "val" -> val;
      case "holdout" -> holdout;
      default -> throw new IllegalArgumentException("no part " + name);
    };
  }

  public JsonObject toJson() {
    return new JsonObject().put("train", new JsonArray(train)).put("val", new JsonArray(val))
        .put("holdout", new JsonArray(holdout)).put("params", params);
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, toJson().encodePrettily() + "\n");
  }

  /** Reads a manifest, checking that each part is a list of ids and no id is in two parts. */
  public static SplitManifest read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DataException("no split manifest " + file);
    }
    JsonObject json;
    try {
      json = new JsonObject(Files.readString(file));
    } catch (DecodeException e) {
      throw new DataException(file + ": not valid JSON: " + e.getMessage());
    }
    List<List<String>> parts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : PARTS) {
      Object value = json.getValue(name);
      if (!(value instanceof JsonArray array)) {
        throw new DataException(file + ": \"" + name + "\" must be a list of image ids");
      }
      List<String> ids = new ArrayList<>();
      for (Object id : array) {
        if (!(id instanceof String s) || s.isBlank()) {
          throw new DataException(file + ": \"" + name + "\" holds " + id + ", not an image id");
        }
        if (!seen.add(s)) {
          throw new DataException(file + ": image " + s + " is in two parts");
        }
        ids.add(s);
      }
      parts.add(ids);
    }
    Object params = json.getValue("params");
    return new SplitManifest(parts.get(0), parts.get(1), parts.get(2),
        params instanceof JsonObject p ? p : new JsonObject());
  }
}
