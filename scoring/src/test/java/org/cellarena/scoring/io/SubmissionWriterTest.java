package org.cellarena.scoring.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submission format byte for byte as the baseline and the predictor wrote it before it had one home. */
class SubmissionWriterTest {
  private static final String WRITTEN = "id,predicted\nempty,\ntwo,1 3 9 2\ntwo,5 2\n";

  private static Map<String, List<RunMask>> masks() {
    Map<String, List<RunMask>> masks = new LinkedHashMap<>();
    masks.put("empty", List.of());
    masks.put("two", List.of(RunMask.parse("1 3 9 2", 4, 3), RunMask.parse("5 2", 4, 3)));
    return masks;
  }

  @Test
  void aRowPerMaskAndAnEmptyPredictionForAnImageWithout(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("new/folder/sub.csv");
    SubmissionWriter.write(file, masks());
    assertEquals(WRITTEN, Files.readString(file, StandardCharsets.US_ASCII));
  }

  @Test
  void gzipWhenTheNameSaysSo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub.csv.gz");
    SubmissionWriter.write(file, masks());
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      assertArrayEquals(WRITTEN.getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
    }
  }

  @Test
  void aCheckedWriteMovesAValidFileIntoPlace(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub.csv");
    SubmissionWriter.writeChecked(file, List.of(new SubmissionWriter.PredictedImage("empty", 4, 3, List.of()),
        new SubmissionWriter.PredictedImage("two", 4, 3, masks().get("two"))));
    assertEquals(WRITTEN, Files.readString(file));
    assertFalse(Files.exists(dir.resolve("sub.csv.part")));
  }

  @Test
  void aCheckedWriteOfOverlappingMasksLeavesNoFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub.csv");
    List<RunMask> overlapping = List.of(RunMask.parse("1 3", 4, 3), RunMask.parse("2 2", 4, 3));
    InvalidFileException e = assertThrows(InvalidFileException.class, () -> SubmissionWriter.writeChecked(file,
        List.of(new SubmissionWriter.PredictedImage("a", 4, 3, overlapping))));
    assertTrue(e.report().contains("overlaps the mask on line 2"), e.report());
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(dir.resolve("sub.csv.part")));
  }
}
