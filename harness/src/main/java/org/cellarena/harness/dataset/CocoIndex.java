package org.cellarena.harness.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cellarena.harness.dataset.AnnotationSpill.Annotation;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.rle.RunMask;

/**
 * A COCO file after the first pass: its categories and images in memory, their annotations parked on disk. Reading
 * an image back (the second pass) turns its annotations into cells. Closing deletes the parked annotations.
 */
public final class CocoIndex implements Closeable {
  /** An entry of {@code "images"}: {@code key} is its COCO id as text, {@code id} its file name without extension. */
  public record Image(String key, String id, int width, int height) {}

  private final String name;
  private final Map<String, String> categories;
  private final List<Image> images;
  private final AnnotationSpill spill;
  private final long annotationCount;

  CocoIndex(String name, Map<String, String> categories, List<Image> images, AnnotationSpill spill,
      long annotationCount) {
    this.name = name;
    this.categories = categories;
    this.images = List.copyOf(images);
    this.spill = spill;
    this.annotationCount = annotationCount;
  }

  /** The file's name, as messages give it. */
  public String name() {
    return name;
  }

  /** The images in the file's order. */
  public List<Image> images() {
    return images;
  }

  public long annotationCount() {
    return annotationCount;
  }

  /**
   * The image with its cells (empty masks dropped). The cell type is {@code cellType} when given, else the first
   * named category, or, for LIVECell's generic "cell", the file name's prefix before the first '_' (SHSY5Y_Phase_...
   * gives shsy5y).
   */
  public SolutionImage read(Image image, String cellType) throws IOException {
    List<RunMask> cells = new ArrayList<>();
    String category = null;
    for (Annotation annotation : spill.annotationsOf(image.key())) {
      RunMask mask;
      try {
        mask = annotation.segmentation().mask(image.width(), image.height());
      } catch (IllegalArgumentException e) {
        throw badSegmentation(name, annotation.id(), image.id() + ", id " + image.key(), e.getMessage());
      }
      if (!mask.isEmpty()) {
        cells.add(mask);
      }
      if (category == null && annotation.categoryKey() != null) {
        category = categories.get(annotation.categoryKey());
      }
    }
    String type = cellType != null ? cellType : cellTypeOf(image.id(), category);
    return new SolutionImage(image.id(), image.width(), image.height(), type, Usage.PUBLIC, cells, Map.of());
  }

  static DataException badSegmentation(String file, String annotationId, String image, String problem) {
    return new DataException(file + ": annotation " + annotationId + " (image " + image + "): bad segmentation: "
        + problem);
  }

  private static String cellTypeOf(String imageId, String category) {
    if (category != null && !category.equalsIgnoreCase("cell")) {
      return category.toLowerCase(Locale.ROOT);
    }
    int underscore = imageId.indexOf('_');
    return (underscore > 0 ? imageId.substring(0, underscore) : "cell").toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    spill.close();
  }
}
