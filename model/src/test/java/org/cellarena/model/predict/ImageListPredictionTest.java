package org.cellarena.model.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cellarena.model.SyntheticCells;
import org.cellarena.model.archive.ModelArchive;
import org.cellarena.model.cli.PredictCommand;
import org.cellarena.model.cli.TrainCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A list of images predicted with a model dir (an unpacked model archive of a tiny_cpu run trained for 100
 * iterations) writes byte for byte the CSV that {@code cellarena predict --checkpoint W --images folder} writes for
 * a folder holding them, whatever the list's order; the per-image callback sees every image and can stop the run,
 * which then writes nothing.
 */
@Tag("slow")
class ImageListPredictionTest {
  @TempDir
  static Path tmp;
  private static Path work;
  private static Path folder;
  private static Path modelDir;

  @BeforeAll
  static void trainAndPack() throws Exception {
    Path data = tmp.resolve("data");
    SyntheticCells.write(data, 20, 256, 7);
    work = tmp.resolve("work");
    Path config = Path.of(System.getProperty("user.dir")).getParent().resolve("configs/tiny_cpu.json");
    assertEquals(0, new CommandLine(new TrainCommand()).execute("--config", config.toString(), "--data",
        data.toString(), "--val-fraction", "0.2", "--seed", "1", "--work-dir", work.toString(), "--max-iterations",
        "100"));
    folder = tmp.resolve("images");
    SyntheticCells.write(tmp.resolve("test"), 5, 256, 99);
    Files.createDirectories(folder);
    try (var pngs = Files.list(tmp.resolve("test/train"))) {
      for (Path p : pngs.toList()) {
        Files.copy(p, folder.resolve(p.getFileName()));
      }
    }
    Path zip = tmp.resolve("model.zip");
    ModelArchive.pack(work, zip);
    modelDir = unzip(zip, tmp.resolve("model"));
  }

  @Test
  void aListWritesTheFolderCsvByteForByte() throws Exception {
    Path cli = tmp.resolve("cli.csv");
    assertEquals(0, new CommandLine(new PredictCommand()).execute("--checkpoint", work.toString(), "--images",
        folder.toString(), "--out", cli.toString()));
    List<Path> images = new ArrayList<>(pngs());
    Collections.reverse(images);
    List<Integer> seen = new ArrayList<>();
    Path listed = tmp.resolve("list.csv");
    FolderPrediction.Summary s = FolderPrediction.run(modelDir, images, listed, (done, total) -> {
      assertEquals(images.size(), total);
      seen.add(done);
      return true;
    });
    assertEquals(List.of(1, 2, 3, 4, 5), seen);
    assertEquals(5, s.images());
    assertTrue(s.cells() > 0, "the trained model finds cells");
    assertEquals(s.cells() + 1, Files.readAllLines(listed).size(), "a row per cell after the header");
    assertEquals("cpu()", s.device());
    assertTrue(s.engine().startsWith("PyTorch "), s.engine());
    assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(listed));
  }

  @Test
  void theCallbackStopsTheRunAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("stopped.csv");
    PredictionStoppedException e = assertThrows(PredictionStoppedException.class,
        () -> FolderPrediction.run(modelDir, pngs(), out, (done, total) -> done < 2));
    assertEquals(2, e.done());
    assertEquals(5, e.total());
    assertFalse(Files.exists(out));
  }

  @Test
  void refusesImagesThatAreNotPngsOrShareAName() throws Exception {
    Path other = Files.createDirectories(tmp.resolve("other"));
    Path twin = Files.copy(pngs().get(0), other.resolve(pngs().get(0).getFileName()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FolderPrediction.run(modelDir, List.of(pngs().get(0), twin), tmp.resolve("x.csv"), (d, t) -> true));
    assertEquals("two images are named " + twin.getFileName(), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FolderPrediction.run(modelDir, List.of(modelDir.resolve("config.json")), tmp.resolve("x.csv"),
            (d, t) -> true));
    assertEquals("not a .png image: config.json", e.getMessage());
  }

  private static List<Path> pngs() throws Exception {
    try (var s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  private static Path unzip(Path zip, Path dir) throws Exception {
    Files.createDirectories(dir);
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        Files.copy(z, dir.resolve(e.getName()));
      }
    }
    return dir;
  }
}
