package org.cellarena.model.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Train / validation / holdout image ids: read from a split manifest ({@code {"train": [...], "val": [...],
 * "holdout": [...], ...parameters}}) or drawn at random with a fraction and a seed.
 */
public record Split(List<String> train, List<String> val, List<String> holdout) {

  public static Split read(Path manifest, List<String> known) throws IOException {
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException("split manifest not found: " + manifest);
    }
    JsonObject o;
    try {
      o = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("split manifest " + manifest + " is not a JSON object");
    }
    Split s = new Split(ids(o, "train", manifest), ids(o, "val", manifest), ids(o, "holdout", manifest));
    for (List<String> part : List.of(s.train, s.val)) {
      for (String id : part) {
        if (!known.contains(id)) {
          throw new IllegalArgumentException("split manifest names image " + id + ", which is not in train.csv");
        }
      }
    }
    if (s.train.isEmpty()) {
      throw new IllegalArgumentException("split manifest " + manifest + " has no train images");
    }
    return s;
  }

  private static List<String> ids(JsonObject o, String key, Path manifest) {
    List<String> out = new ArrayList<>();
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      return out;
    }
    if (!e.isJsonArray()) {
      throw new IllegalArgumentException("split manifest " + manifest + ": '" + key + "' is not a list of ids");
    }
    for (JsonElement x : e.getAsJsonArray()) {
      out.add(x.getAsString());
    }
    return out;
  }

  /** A random split: {@code fraction} of the images (at least one when there are two or more) for validation. */
  public static Split random(List<String> ids, double fraction, long seed) {
    if (fraction < 0 || fraction >= 1) {
      throw new IllegalArgumentException("--val-fraction must be in [0, 1), got " + fraction);
    }
    List<String> shuffled = new ArrayList<>(ids);
    Collections.sort(shuffled);
    Collections.shuffle(shuffled, new Random(seed));
    int nVal = (int) Math.round(ids.size() * fraction);
    if (fraction > 0 && nVal == 0 && ids.size() > 1) {
      nVal = 1;
    }
    return new Split(new ArrayList<>(shuffled.subList(nVal, shuffled.size())),
        new ArrayList<>(shuffled.subList(0, nVal)), List.of());
  }

  /** Writes the manifest with the parameters that made it. */
  public void write(Path file, JsonObject parameters) throws IOException {
    JsonObject o = parameters == null ? new JsonObject() : parameters.deepCopy();
    o.add("train", array(train));
    o.add("val", array(val));
    o.add("holdout", array(holdout));
    Gson gson = new GsonBuilder().setPrettyPrinting().create();
    Files.writeString(file, gson.toJson(o));
  }

  private static JsonArray array(List<String> ids) {
    JsonArray a = new JsonArray();
    ids.forEach(a::add);
    return a;
  }
}
