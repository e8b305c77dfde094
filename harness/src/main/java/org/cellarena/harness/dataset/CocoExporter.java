package org.cellarena.harness.dataset;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.rle.CocoRle;
import org.cellarena.scoring.rle.RunMask;

/**
 * Exports images in the train.csv form to COCO instance annotations: a category per cell type, an annotation per
 * cell with its bbox, area and RLE segmentation, compressed (COCO's string) or uncompressed (a counts list).
 */
public final class CocoExporter {
  private CocoExporter() {}

  public static JsonObject toJson(Collection<SolutionImage> images, boolean compressed) {
    Map<String, Integer> categories = new LinkedHashMap<>();
    JsonArray imageList = new JsonArray();
    JsonArray annotations = new JsonArray();
    int imageNumber = 0;
    int annotationNumber = 0;
    for (SolutionImage image : images) {
      imageNumber++;
      imageList.add(new JsonObject().put("id", imageNumber).put("file_name", image.id() + ".png")
          .put("width", image.width()).put("height", image.height()));
      int category = categories.computeIfAbsent(image.cellType(), t -> categories.size() + 1);
      for (RunMask cell : image.cells()) {
        int[] counts = CocoRle.fromRunMask(cell);
        JsonObject rle = new JsonObject().put("size", new JsonArray().add(image.height()).add(image.width()));
        if (compressed) {
          rle.put("counts", CocoRle.compress(counts));
        } else {
          JsonArray list = new JsonArray();
          for (int c : counts) {
            list.add(c);
          }
          rle.put("counts", list);
        }
        annotations.add(new JsonObject().put("id", ++annotationNumber).put("image_id", imageNumber)
            .put("category_id", category).put("iscrowd", 0).put("area", cell.area())
            .put("bbox", new JsonArray().add(cell.minCol()).add(cell.minRow())
                .add(cell.maxCol() - cell.minCol() + 1).add(cell.maxRow() - cell.minRow() + 1))
            .put("segmentation", rle));
      }
    }
    JsonArray categoryList = new JsonArray();
    categories.forEach((name, id) -> categoryList.add(new JsonObject().put("id", id).put("name", name)));
    return new JsonObject().put("images", imageList).put("annotations", annotations).put("categories", categoryList);
  }
}
