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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.cellarena.scoring.io.SolutionImage;

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
    refuseOverlap(manifest, "train", s.train, "val", s.val);
    refuseOverlap(manifest, "train", s.train, "holdout", s.holdout);
    refuseOverlap(manifest, "val", s.val, "holdout", s.holdout);
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

  private static void refuseOverlap(Path manifest, String nameA, List<String> a, String nameB, List<String> b) {
    Set<String> inA = new HashSet<>(a);
    List<String> both = b.stream().filter(inA::contains).distinct().toList();
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("split manifest " + manifest + ": " + both.size() + " image(s) in both '"
          + nameA + "' and '" + nameB + "': " + String.join(", ", both.subList(0, Math.min(10, both.size())))
          + (both.size() > 10 ? ", ..." : ""));
    }
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

  /**
   * A random split, stratified by cell type and grouped by {@code sample_id} (when the images have one: images of
   * one sample are all train or all val): of each cell type, whole samples drawn at random go to validation until
   * {@code fraction} of that type's images (rounded) are there; at least one image when there are two or more.
   */
  public static Split random(List<SolutionImage> images, double fraction, long seed) {
    if (fraction < 0 || fraction >= 1) {
      throw new IllegalArgumentException("--val-fraction must be in [0, 1), got " + fraction);
    }
    Map<String, Map<String, List<String>>> samplesByType = new TreeMap<>();
    for (SolutionImage img : images) {
      String sample = img.metadata().getOrDefault("sample_id", "");
      samplesByType.computeIfAbsent(img.cellType(), t -> new TreeMap<>())
          .computeIfAbsent(sample.isEmpty() ? "id:" + img.id() : sample, k -> new ArrayList<>()).add(img.id());
    }
    Random random = new Random(seed);
    Set<String> val = new HashSet<>();
    for (Map<String, List<String>> samples : samplesByType.values()) {
      List<List<String>> groups = new ArrayList<>(samples.values());
      Collections.shuffle(groups, random);
      long want = Math.round(groups.stream().mapToInt(List::size).sum() * fraction);
      int taken = 0;
      for (List<String> g : groups) {
        if (taken < want) {
          val.addAll(g);
          taken += g.size();
        }
      }
    }
    if (fraction > 0 && val.isEmpty() && images.size() > 1) {
      val.add(images.get(new Random(seed).nextInt(images.size())).id());
    }
    List<String> train = new ArrayList<>();
    List<String> valIds = new ArrayList<>();
    for (SolutionImage img : images) {
      (val.contains(img.id()) ? valIds : train).add(img.id());
    }
    return new Split(train, valIds, List.of());
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
