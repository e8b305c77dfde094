package org.cellarena.harness.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cellarena.harness.CommandRun;
import org.cellarena.harness.GeneratedData;
import org.cellarena.harness.SharedData;
import org.cellarena.harness.bench.LivecellSizedCoco;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.SolutionWriter;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COCO import against the scoring module's RLE codec, on the real Sartorius sample converted both ways, the real
 * LIVECell sample, and generated files in the order a streaming reader finds hardest.
 */
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
      SolutionWriter.write(csv, imported, false);
      assertSameCells(sample.images(), SolutionReader.read(csv).images());
    }
    assertEquals(2750, sample.cellCount(), "the sample's README count");
  }

  @Test
  void importCocoCommandWritesTheKaggleLayout(@TempDir Path dir) throws Exception {
    Path data = GeneratedData.dataset();
    List<SolutionImage> original = Dataset.read(data).images();
    Path json = dir.resolve("coco.json");
    Files.writeString(json, CocoExporter.toJson(original, true).encode());
    CommandRun run = CommandRun.of("import-coco", "--json", json.toString(), "--images",
        data.resolve("train").toString(), "--out", dir.resolve("imported").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertSameCells(original, Dataset.read(dir.resolve("imported")).images());

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

  @Test
  void annotationsBeforeImagesAndUngroupedImportThroughPerCellLineFolders(@TempDir Path dir) throws Exception {
    new LivecellSizedCoco(8, 400, 3).write(dir);
    Path out = dir.resolve("imported");
    CommandRun run = CommandRun.of("import-coco", "--json", dir.resolve(LivecellSizedCoco.JSON).toString(),
        "--images", dir.resolve(LivecellSizedCoco.IMAGES).toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("wrote 8 images, 400 cells"), run.out());
    assertTrue(run.err().contains("import-coco [####################] 8/8 cells 400"), run.err());

    List<SolutionImage> images = Dataset.read(out).images();
    assertEquals(8, images.size());
    for (int i = 0; i < images.size(); i++) {
      SolutionImage image = images.get(i);
      assertEquals(LivecellSizedCoco.fileName(i).replace(".png", ""), image.id(), "the order of \"images\"");
      assertEquals(image.id().substring(0, image.id().indexOf('_')).toLowerCase(Locale.ROOT), image.cellType());
      assertEquals(50, image.cells().size(), "annotations dealt round-robin, gathered per image");
    }
    assertEquals(List.of(Dataset.TRAIN_DIR, Dataset.TRAIN_CSV), list(out), "nothing parked is left behind");
  }

  @Test
  void severalJsonFilesMakeOneDatasetAndAnImageTwiceIsRefused(@TempDir Path dir) throws Exception {
    Path data = GeneratedData.dataset();
    List<SolutionImage> original = Dataset.read(data).images();
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    Files.writeString(first, CocoExporter.toJson(original.subList(0, 4), true).encode());
    Files.writeString(second, CocoExporter.toJson(original.subList(4, original.size()), false).encode());
    CommandRun run = CommandRun.of("import-coco", "--json", first.toString(), "--json", second.toString(),
        "--images", data.resolve("train").toString(), "--out", dir.resolve("both").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertSameCells(original, Dataset.read(dir.resolve("both")).images());

    CommandRun twice = CommandRun.of("import-coco", "--json", first.toString(), "--json", first.toString(),
        "--images", data.resolve("train").toString(), "--out", dir.resolve("twice").toString());
    assertEquals(2, twice.exitCode());
    assertTrue(twice.err().contains("image " + original.get(0).id() + " is named twice"), twice.err());
    assertFalse(Files.exists(dir.resolve("twice").resolve(Dataset.TRAIN_CSV)));
  }

  @Test
  void aPolygonOutsideItsImageNamesTheImageAndAnnotationWhateverTheOrder() {
    JsonArray images = new JsonArray().add(new JsonObject().put("id", 1).put("file_name", "a.png")
        .put("width", 20).put("height", 10));
    JsonArray annotations = new JsonArray().add(new JsonObject().put("id", 9).put("image_id", 1)
        .put("segmentation", new JsonArray().add(new JsonArray().add(2).add(2).add(30).add(2).add(2).add(8))));
    for (JsonObject coco : List.of(new JsonObject().put("images", images).put("annotations", annotations),
        new JsonObject().put("annotations", annotations).put("images", images))) {
      DataException e = assertThrows(DataException.class, () -> CocoImporter.fromJson(coco, null, "x.json"));
      assertEquals("x.json: annotation 9 (image a, id 1): bad segmentation: polygon point (30.0, 2.0) lies "
          + "outside the 20x10 image", e.getMessage());
    }
  }

  @Test
  void aMalformedSegmentationBeforeTheAnnotationsIdIsStillNamed() throws Exception {
    String json = "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": 4, \"height\": 4}],"
        + " \"annotations\": {\"5\": {\"segmentation\": [[1, \"x\", [2], 3]], \"id\": 5, \"image_id\": 1}}}";
    DataException e = assertThrows(DataException.class,
        () -> CocoImporter.fromJson(new JsonObject(json), null, "x.json"));
    assertEquals("x.json: annotation 5 (image a, id 1): bad segmentation: expected a number, found x",
        e.getMessage());
  }

  @Test
  void rleCountsThatAreNeitherTextNorNumbersAreRefused() {
    JsonObject coco = new JsonObject()
        .put("images", new JsonArray().add(new JsonObject().put("id", 1).put("file_name", "a.png")
            .put("width", 4).put("height", 4)))
        .put("annotations", new JsonArray().add(new JsonObject().put("image_id", 1)
            .put("segmentation", new JsonObject().put("counts", new JsonObject().put("size", 3)))
            .put("id", 6)));
    DataException e = assertThrows(DataException.class, () -> CocoImporter.fromJson(coco, null, "x.json"));
    assertEquals("x.json: annotation 6 (image a, id 1): bad segmentation: RLE without counts (a string or a list "
        + "of numbers)", e.getMessage());
  }

  @Test
  void truncatedJsonSaysWhereWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("cut.json");
    Files.writeString(json, "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\",\n \"width\": 4");
    CommandRun run = CommandRun.of("import-coco", "--json", json.toString(), "--images", dir.toString(),
        "--out", dir.resolve("out").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains(json + ": not valid JSON: Unexpected end-of-input"), run.err());
    assertTrue(run.err().contains("(line 2, column"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void realLivecellSampleImports(@TempDir Path dir) throws Exception {
    Path sample = SharedData.require("data/livecell-sample");
    CommandRun run = CommandRun.of("import-coco", "--json",
        sample.resolve("livecell_coco_test_sample.json").toString(), "--images", sample.toString(),
        "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<SolutionImage> images = Dataset.read(dir).images();
    assertEquals(15, images.size());
    assertEquals(3285, images.stream().mapToInt(i -> i.cells().size()).sum(), "the sample's README count");
    assertEquals(Set.of("a172", "bt474", "huh7", "mcf7", "shsy5y", "skbr3", "skov3"),
        images.stream().map(SolutionImage::cellType).collect(Collectors.toSet()));
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
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
