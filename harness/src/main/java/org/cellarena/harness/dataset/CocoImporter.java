package org.cellarena.harness.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.scoring.io.SolutionImage;

/**
 * Imports COCO instance annotations (LIVECell's format) into the train.csv form: one {@link SolutionImage} per
 * COCO image, its id the file name without extension. Segmentations may be compressed RLE
 * ({@code {"size": [h, w], "counts": "..."}}), uncompressed RLE ({@code "counts": [...]}) or polygons
 * ({@code [[x1, y1, x2, y2, ...], ...]}, see {@link CocoPolygons}). The JSON is streamed in two passes
 * ({@link CocoScanner}, then {@link CocoIndex#read}), so memory follows one image's annotations, not the file.
 */
public final class CocoImporter {
  private static final JsonFactory JSON = new JsonFactory();

  private CocoImporter() {}

  /** The first pass over a COCO file; its annotations wait in a temporary file in {@code spillDir}. */
  public static CocoIndex index(Path json, Path spillDir) throws IOException {
    if (!Files.isRegularFile(json)) {
      throw new DataException("no COCO file " + json);
    }
    return CocoScanner.scan(JSON.createParser(json.toFile()), json.toString(), spillDir);
  }

  /** Every image of a COCO file at once: for small files (tests, tools); {@code import-coco} streams. */
  public static List<SolutionImage> read(Path json, String cellType) throws IOException {
    try (CocoIndex index = index(json, temporaryDir())) {
      return readAll(index, cellType);
    }
  }

  /** Converts parsed COCO JSON; {@code name} is used in messages. */
  public static List<SolutionImage> fromJson(JsonObject coco, String cellType, String name) throws IOException {
    try (CocoIndex index = CocoScanner.scan(JSON.createParser(coco.toBuffer().getBytes()), name, temporaryDir())) {
      return readAll(index, cellType);
    }
  }

  private static List<SolutionImage> readAll(CocoIndex index, String cellType) throws IOException {
    List<SolutionImage> images = new ArrayList<>();
    for (CocoIndex.Image image : index.images()) {
      images.add(index.read(image, cellType));
    }
    return images;
  }

  private static Path temporaryDir() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
