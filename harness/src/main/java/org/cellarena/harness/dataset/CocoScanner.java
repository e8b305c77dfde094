package org.cellarena.harness.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cellarena.harness.dataset.AnnotationSpill.Annotation;

/**
 * The first pass over a COCO file, streamed token by token: categories and images indexed in memory, annotations
 * parked in an {@link AnnotationSpill} as they come, so memory follows the image count, not the file. The fields
 * may come in any order and annotations need not be grouped by image; {@code annotations} may be a list or, as in
 * LIVECell, an object keyed by id.
 */
final class CocoScanner {
  /** Larger sides are refused: a polygon's fill canvas and a mask grow with them. */
  static final int MAX_SIDE = 1 << 15;

  private final JsonParser p;
  private final String name;
  private final AnnotationSpill spill;
  private final Map<String, String> categories = new HashMap<>();
  private final Map<String, CocoIndex.Image> images = new LinkedHashMap<>();
  private long annotationCount;

  private CocoScanner(JsonParser parser, String name, AnnotationSpill spill) {
    this.p = parser;
    this.name = name;
    this.spill = spill;
  }

  /** Scans the JSON the parser reads ({@code name} in messages), parking annotations in {@code spillDir}. */
  static CocoIndex scan(JsonParser parser, String name, Path spillDir) throws IOException {
    AnnotationSpill spill = new AnnotationSpill(spillDir);
    try (parser) {
      return new CocoScanner(parser, name, spill).scan();
    } catch (JsonProcessingException e) {
      spill.close();
      JsonLocation at = e.getLocation();
      String problem = e.getOriginalMessage().replaceAll("\\[Source: .*?; ", "["); // Jackson's redacted source
      throw new DataException(name + ": not valid JSON: " + problem
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException | RuntimeException e) {
      spill.close();
      throw e;
    }
  }

  private CocoIndex scan() throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new DataException(name + ": a COCO file is one JSON object with \"images\" and \"annotations\"");
    }
    boolean sawImages = false;
    boolean sawAnnotations = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "categories" -> eachInList(field, this::category);
        case "images" -> sawImages = eachInList(field, this::image);
        case "annotations" -> sawAnnotations = value == JsonToken.START_OBJECT
            ? eachInObject(this::annotation) : eachInList(field, this::annotation);
        default -> p.skipChildren();
      }
    }
    if (!sawImages || !sawAnnotations) {
      throw new DataException(name + ": \"" + (sawImages ? "annotations" : "images") + "\" must be a list");
    }
    for (String key : spill.imageKeys()) {
      if (!images.containsKey(key)) {
        throw new DataException(name + ": annotation " + spill.firstAnnotationOf(key) + " names image " + key
            + ", which is not in \"images\"");
      }
    }
    return new CocoIndex(name, categories, images.values().stream().toList(), spill, annotationCount);
  }

  private interface Element {
    void read() throws IOException;
  }

  private boolean eachInList(String field, Element element) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new DataException(name + ": \"" + field + "\" must be a list");
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new DataException(name + ": \"" + field + "\" holds objects, found " + p.getText());
      }
      element.read();
    }
    return true;
  }

  private boolean eachInObject(Element element) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new DataException(name + ": \"annotations\" holds objects, found " + p.getText());
      }
      element.read();
    }
    return true;
  }

  private void category() throws IOException {
    Map<String, Object> fields = scalars();
    Object label = fields.get("name");
    categories.put(key(fields.get("id")), label instanceof String s ? s : "cell");
  }

  private void image() throws IOException {
    Map<String, Object> fields = scalars();
    String key = key(fields.get("id"));
    if (!(fields.get("file_name") instanceof String file && fields.get("width") instanceof Number w
        && fields.get("height") instanceof Number h && w.intValue() >= 1 && h.intValue() >= 1)) {
      throw new DataException(name + ": image " + key + " needs file_name, width and height");
    }
    String id = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
    if (id.isEmpty()) {
      throw new DataException(name + ": image " + key + ": file_name \"" + file + "\" names no file");
    }
    if (w.intValue() > MAX_SIDE || h.intValue() > MAX_SIDE) {
      throw new DataException(name + ": image " + key + " is " + w.intValue() + "x" + h.intValue()
          + "; at most " + MAX_SIDE + " pixels a side");
    }
    if (images.putIfAbsent(key, new CocoIndex.Image(key, id, w.intValue(), h.intValue())) != null) {
      throw new DataException(name + ": image id " + key + " appears twice in \"images\"");
    }
  }

  private void annotation() throws IOException {
    JsonStreamContext annotation = p.getParsingContext();
    String id = null;
    String imageKey = null;
    String categoryKey = null;
    CocoSegmentation segmentation = null;
    String problem = "no segmentation";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> id = key(scalar());
        case "image_id" -> imageKey = key(scalar());
        case "category_id" -> categoryKey = key(scalar());
        case "segmentation" -> {
          try {
            segmentation = CocoSegmentation.parse(p);
          } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            while (p.getParsingContext() != annotation) { // the rest of the malformed value
              p.nextToken();
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    annotationCount++;
    CocoIndex.Image image = images.get(imageKey);
    String where = image != null ? image.id() + ", id " + imageKey : "id " + imageKey;
    if (segmentation == null) {
      throw CocoIndex.badSegmentation(name, id, where, problem);
    }
    if (imageKey == null) {
      throw new DataException(name + ": annotation " + id + " names image null, which is not in \"images\"");
    }
    if (image != null) { // fails early where images come first (LIVECell); the second pass checks the others
      try {
        segmentation.checkFits(image.width(), image.height());
      } catch (IllegalArgumentException e) {
        throw CocoIndex.badSegmentation(name, id, where, e.getMessage());
      }
    }
    spill.add(imageKey, new Annotation(id, categoryKey, segmentation));
  }

  /** The fields of a flat object (ids, names, sizes), the parser on its opening brace; nested values skipped. */
  private Map<String, Object> scalars() throws IOException {
    Map<String, Object> fields = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      fields.put(field, scalar());
    }
    return fields;
  }

  /** A number or a string at the current token; null (the value skipped) for anything else. */
  private Object scalar() throws IOException {
    JsonToken token = p.currentToken();
    if (token.isNumeric()) {
      return p.getNumberValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** Ids may be numbers or strings; compare them as text. */
  private static String key(Object id) {
    return id == null ? null : id instanceof Number n ? Long.toString(n.longValue()) : id.toString();
  }
}
