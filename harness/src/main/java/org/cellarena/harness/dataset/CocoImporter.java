package org.cellarena.harness.dataset;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.rle.CocoRle;
import org.cellarena.scoring.rle.RunMask;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Imports COCO instance annotations (LIVECell's format) into the train.csv form: one {@link SolutionImage} per
 * COCO image, its id the file name without extension. Segmentations may be compressed RLE
 * ({@code {"size": [h, w], "counts": "..."}}), uncompressed RLE ({@code "counts": [...]}) or polygons
 * ({@code [[x1, y1, x2, y2, ...], ...]}, filled with OpenCV at pixel centres, so a boundary pixel may differ from
 * pycocotools' rasterisation). {@code annotations} may be a list or, as in LIVECell, an object keyed by id. The
 * cell type is the category name, or, for LIVECell's generic "cell", the file name's prefix before the first '_'
 * (e.g. SHSY5Y_Phase_... gives shsy5y), unless the caller names one.
 */
public final class CocoImporter {
  private CocoImporter() {}

  public static List<SolutionImage> read(Path json, String cellType) throws IOException {
    if (!Files.isRegularFile(json)) {
      throw new DataException("no COCO file " + json);
    }
    JsonObject coco;
    try {
      coco = new JsonObject(Files.readString(json));
    } catch (DecodeException e) {
      throw new DataException(json + ": not valid JSON: " + e.getMessage());
    }
    return fromJson(coco, cellType, json.toString());
  }

  /** Converts parsed COCO JSON; {@code name} is used in messages. */
  public static List<SolutionImage> fromJson(JsonObject coco, String cellType, String name) throws DataException {
    Map<Object, String> categories = new HashMap<>();
    for (Object c : array(coco, "categories", name, false)) {
      JsonObject category = (JsonObject) c;
      categories.put(key(category.getValue("id")), category.getString("name", "cell"));
    }
    Map<Object, ImageBuilder> images = new LinkedHashMap<>();
    for (Object i : array(coco, "images", name, true)) {
      JsonObject image = (JsonObject) i;
      String file = image.getString("file_name");
      Integer width = image.getInteger("width");
      Integer height = image.getInteger("height");
      if (file == null || width == null || height == null || width < 1 || height < 1) {
        throw new DataException(name + ": image " + image.getValue("id") + " needs file_name, width and height");
      }
      String id = Path.of(file).getFileName().toString().replaceFirst("\\.[^.]+$", "");
      images.put(key(image.getValue("id")), new ImageBuilder(id, width, height));
    }
    for (Object a : annotations(coco, name)) {
      JsonObject annotation = (JsonObject) a;
      Object annotationId = annotation.getValue("id");
      ImageBuilder image = images.get(key(annotation.getValue("image_id")));
      if (image == null) {
        throw new DataException(name + ": annotation " + annotationId + " names image " + annotation.getValue("image_id")
            + ", which is not in \"images\"");
      }
      try {
        RunMask mask = mask(annotation.getValue("segmentation"), image.width, image.height);
        if (!mask.isEmpty()) {
          image.cells.add(mask);
        }
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new DataException(name + ": annotation " + annotationId + " (image " + image.id + "): "
            + "bad segmentation: " + e.getMessage());
      }
      String category = categories.get(key(annotation.getValue("category_id")));
      if (category != null && image.category == null) {
        image.category = category;
      }
    }
    List<SolutionImage> result = new ArrayList<>();
    for (ImageBuilder b : images.values()) {
      String type = cellType != null ? cellType : cellTypeOf(b);
      result.add(new SolutionImage(b.id, b.width, b.height, type, Usage.PUBLIC, b.cells, Map.of()));
    }
    return result;
  }

  private static String cellTypeOf(ImageBuilder image) {
    if (image.category != null && !image.category.equalsIgnoreCase("cell")) {
      return image.category.toLowerCase(Locale.ROOT);
    }
    int underscore = image.id.indexOf('_');
    return (underscore > 0 ? image.id.substring(0, underscore) : "cell").toLowerCase(Locale.ROOT);
  }

  /** The run mask of one COCO segmentation: an RLE object or a list of polygons. */
  static RunMask mask(Object segmentation, int width, int height) {
    if (segmentation instanceof JsonObject rle) {
      JsonArray size = rle.getJsonArray("size");
      if (size != null && (size.getInteger(0) != height || size.getInteger(1) != width)) {
        throw new IllegalArgumentException("RLE size " + size + " is not the image's [" + height + ", " + width + "]");
      }
      Object counts = rle.getValue("counts");
      if (counts instanceof String compressed) {
        return CocoRle.toRunMask(CocoRle.decompress(compressed), width, height);
      }
      if (counts instanceof JsonArray list) {
        int[] values = new int[list.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = list.getInteger(i);
        }
        return CocoRle.toRunMask(values, width, height);
      }
      throw new IllegalArgumentException("RLE without counts");
    }
    if (segmentation instanceof JsonArray polygons) {
      return fillPolygons(polygons, width, height);
    }
    throw new IllegalArgumentException("expected an RLE object or a list of polygons, found " + segmentation);
  }

  /** Fills polygons (flat x, y lists in pixel coordinates) within their bounding box. */
  static RunMask fillPolygons(JsonArray polygons, int width, int height) {
    List<MatOfPoint> shapes = new ArrayList<>();
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    List<double[]> flats = new ArrayList<>();
    for (Object p : polygons) {
      JsonArray flat = (JsonArray) p;
      if (flat.size() < 6 || flat.size() % 2 != 0) {
        throw new IllegalArgumentException("a polygon needs at least 3 x, y pairs, found " + flat.size() + " numbers");
      }
      double[] xy = new double[flat.size()];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = ((Number) flat.getValue(i)).doubleValue();
        if (i % 2 == 0) {
          minX = Math.min(minX, xy[i]);
          maxX = Math.max(maxX, xy[i]);
        } else {
          minY = Math.min(minY, xy[i]);
          maxY = Math.max(maxY, xy[i]);
        }
      }
      flats.add(xy);
    }
    OpenCv.load();
    int x0 = Math.max(0, (int) Math.floor(minX));
    int y0 = Math.max(0, (int) Math.floor(minY));
    int x1 = Math.min(width - 1, (int) Math.ceil(maxX));
    int y1 = Math.min(height - 1, (int) Math.ceil(maxY));
    if (x1 < x0 || y1 < y0) {
      return RunMask.empty(width, height);
    }
    for (double[] xy : flats) {
      Point[] points = new Point[xy.length / 2];
      for (int k = 0; k < points.length; k++) {
        points[k] = new Point(Math.round(xy[2 * k]) - x0, Math.round(xy[2 * k + 1]) - y0);
      }
      shapes.add(new MatOfPoint(points));
    }
    int w = x1 - x0 + 1;
    int h = y1 - y0 + 1;
    Mat canvas = Mat.zeros(h, w, CvType.CV_8U);
    Imgproc.fillPoly(canvas, shapes, new Scalar(1));
    byte[] pixels = new byte[w * h];
    canvas.get(0, 0, pixels);
    canvas.release();
    RunMask.RunBuilder runs = new RunMask.RunBuilder(width, height);
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        if (pixels[j * w + i] != 0) {
          runs.add((y0 + j) * width + x0 + i);
        }
      }
    }
    return runs.build();
  }

  private static JsonArray array(JsonObject coco, String field, String name, boolean required) throws DataException {
    Object value = coco.getValue(field);
    if (value instanceof JsonArray array) {
      return array;
    }
    if (value == null && !required) {
      return new JsonArray();
    }
    throw new DataException(name + ": \"" + field + "\" must be a list");
  }

  /** LIVECell keeps annotations in an object keyed by id; standard COCO in a list. */
  private static Iterable<Object> annotations(JsonObject coco, String name) throws DataException {
    Object value = coco.getValue("annotations");
    if (value instanceof JsonObject byId) {
      List<Object> list = new ArrayList<>();
      byId.forEach(e -> list.add(e.getValue()));
      return list;
    }
    return array(coco, "annotations", name, true);
  }

  /** Ids may be numbers or strings; compare them as text. */
  private static String key(Object id) {
    return id == null ? null : id instanceof Number n ? Long.toString(n.longValue()) : id.toString();
  }

  private static final class ImageBuilder {
    final String id;
    final int width;
    final int height;
    final List<RunMask> cells = new ArrayList<>();
    String category;

    ImageBuilder(String id, int width, int height) {
      this.id = id;
      this.width = width;
      this.height = height;
    }
  }
}
