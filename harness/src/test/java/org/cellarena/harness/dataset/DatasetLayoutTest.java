package org.cellarena.harness.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cellarena.harness.GeneratedData;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.DatasetException;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.SolutionImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class DatasetLayoutTest {
  @Test
  void readsTheKaggleLayoutWithMetadata() throws Exception {
    Dataset dataset = Dataset.read(GeneratedData.dataset());
    assertEquals(GeneratedData.IMAGES, dataset.images().size());
    assertTrue(dataset.images().get(0).metadata().containsKey("sample_id"));
  }

  @Test
  void missingImageAndWrongSizeAreNamed(@TempDir Path dir) throws Exception {
    Path data = copyOf(GeneratedData.dataset(), dir);
    SolutionImage first = Dataset.read(data).images().get(0);
    SolutionImage second = Dataset.read(data).images().get(1);
    Files.delete(data.resolve("train").resolve(first.id() + ".png"));
    PngImages.write8Bit(data.resolve("train").resolve(second.id() + ".png"), new float[100 * 50], 100, 50);
    DatasetException e = assertThrows(DatasetException.class, () -> Dataset.read(data));
    assertTrue(e.getMessage().contains("image " + first.id() + ": missing"), e.getMessage());
    assertTrue(e.getMessage().contains("image " + second.id() + ": ") && e.getMessage().contains("is 100x50"),
        e.getMessage());
  }

  @Test
  void badRleIsReportedWithLineAndId(@TempDir Path dir) throws Exception {
    Path data = copyOf(GeneratedData.dataset(), dir);
    Path csv = data.resolve("train.csv");
    String text = Files.readString(csv);
    String[] lines = text.split("\n", 4);
    String id = lines[2].substring(0, lines[2].indexOf(','));
    Files.writeString(csv, text.replace(lines[2], lines[2].replaceFirst(",[0-9 ]+,", ",12 -3,")));
    InvalidFileException e = assertThrows(InvalidFileException.class, () -> Dataset.read(data));
    assertTrue(e.report().contains(id) && e.report().contains("3"), e.report());
  }

  @Test
  void sixteenBitImagesReadStretched(@TempDir Path dir) throws Exception {
    OpenCv.load();
    Mat wide = new Mat(20, 30, CvType.CV_16U, new Scalar(1000));
    wide.put(0, 0, new short[] {(short) 60000});
    Path png = dir.resolve("x.png");
    PngImages.write(png, wide);
    assertEquals(60000f, PngImages.readPixels(png)[0]);
    Mat gray = PngImages.read8Bit(png);
    assertEquals(CvType.CV_8U, gray.depth());
    assertEquals(255.0, Core.minMaxLoc(gray).maxVal);
    assertEquals(0.0, Core.minMaxLoc(gray).minVal);
  }

  private static Path copyOf(Path source, Path dir) throws Exception {
    Path copy = dir.resolve("data");
    Files.createDirectories(copy.resolve("train"));
    Files.copy(source.resolve("train.csv"), copy.resolve("train.csv"));
    for (String id : Dataset.pngIds(source.resolve("train"))) {
      Files.copy(source.resolve("train").resolve(id + ".png"), copy.resolve("train").resolve(id + ".png"));
    }
    return copy;
  }
}
