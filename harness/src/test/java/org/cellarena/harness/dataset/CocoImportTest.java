package org.cellarena.harness.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cellarena.harness.CommandRun;
import org.cellarena.harness.GeneratedData;
import org.cellarena.harness.SharedData;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COCO import against the scoring module's RLE codec, on the real Sartorius sample converted both ways. */
class CocoImportTest {
  @Test
  void sartoriusSampleSurvivesCocoBothWays(@TempDir Path dir) throws Exception {
    Solution sample = SolutionReader.read(SharedData.require("data/sartorius-sample/train_sample.csv"));
    for (boolean compressed : new boolean[] {true, false}) {
      // train.csv -> COCO JSON (compressed or uncompressed RLE) -> import
      Path json = dir.resolve("coco-" + compressed + ".json");
      Files.writeString(json, CocoExporter.toJson(sample.images(), compressed).encode());
      List<SolutionImage> imported = CocoImporter.read(json, null);
      assertSameCells(sample.images(), imported);

      // imported COCO -> train.csv -> read: the same masks again
      Path csv = dir.resolve("train-" + compressed + ".csv");
      TrainCsvWriter.write(csv, imported, false);
      assertSameCells(sample.images(), SolutionReader.read(csv).images());
    }
    assertEquals(2750, sample.cellCount(), "the sample's README count");
  }

  @Test
  void importCocoCommandWritesTheKaggleLayout(@TempDir Path dir) throws Exception {
    Path data = GeneratedData.dataset();
    List<SolutionImage> original = DatasetReader.read(data).images();
    Path json = dir.resolve("coco.json");
    Files.writeString(json, CocoExporter.toJson(original, true).encode());
    CommandRun run = CommandRun.of("import-coco", "--json", json.toString(), "--images",
        data.resolve("train").toString(), "--out", dir.resolve("imported").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertSameCells(original, DatasetReader.read(dir.resolve("imported")).images());

    CommandRun missing = CommandRun.of("import-coco", "--json", json.toString(), "--images", dir.toString(),
        "--out", dir.resolve("again").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("image " + original.get(0).id() + ": no file"), missing.err());
  }

  @Test
  void livecellStyleAnnotationsKeyedByIdWithGenericCategory() throws Exception {
    RunMask square = square(4, 6, 5, 20, 10);
    JsonObject coco = new JsonObject()
        .put("images", new JsonArray().add(new JsonObject().put("id", 7).put("file_name", "SHSY5Y_Phase_A1_1.tif")
            .put("width", 20).put("height", 10)))
        .put("categories", new JsonArray().add(new JsonObject().put("id", 1).put("name", "cell")))
        .put("annotations", new JsonObject()
            .put("11", new JsonObject().put("id", 11).put("image_id", 7).put("category_id", 1)
                .put("segmentation", new JsonArray().add(new JsonArray().add(6).add(4).add(10).add(4).add(10).add(8)
                    .add(6).add(8)))));
    List<SolutionImage> images = CocoImporter.fromJson(coco, null, "test");
    assertEquals(1, images.size());
    assertEquals("SHSY5Y_Phase_A1_1", images.get(0).id());
    assertEquals("shsy5y", images.get(0).cellType());
    assertEquals(square, images.get(0).cells().get(0), "a polygon with corners on pixel centres fills them");
  }

  @Test
  void badSegmentationsNameTheAnnotationAndImage() {
    JsonObject coco = new JsonObject()
        .put("images", new JsonArray().add(new JsonObject().put("id", 1).put("file_name", "a.png")
            .put("width", 4).put("height", 4)))
        .put("annotations", new JsonArray().add(new JsonObject().put("id", 5).put("image_id", 1)
            .put("segmentation", new JsonObject().put("size", new JsonArray().add(4).add(4))
                .put("counts", new JsonArray().add(3).add(2)))));
    DataException e = assertThrows(DataException.class, () -> CocoImporter.fromJson(coco, null, "x.json"));
    assertTrue(e.getMessage().contains("annotation 5") && e.getMessage().contains("image a"), e.getMessage());
  }

  /** The mask of a rectangle of {@code size} rows from (row, col) spanning 5 columns. */
  private static RunMask square(int row, int col, int size, int width, int height) {
    RunMask.RunBuilder runs = new RunMask.RunBuilder(width, height);
    for (int r = row; r < row + size; r++) {
      for (int c = col; c < col + 5; c++) {
        runs.add(r * width + c);
      }
    }
    return runs.build();
  }

  private static void assertSameCells(List<SolutionImage> expected, List<SolutionImage> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      SolutionImage e = expected.get(i);
      SolutionImage a = actual.get(i);
      assertEquals(e.id(), a.id());
      assertEquals(e.cellType(), a.cellType());
      assertEquals(e.width(), a.width());
      assertEquals(e.cells(), a.cells(), "masks of " + e.id());
    }
  }
}
