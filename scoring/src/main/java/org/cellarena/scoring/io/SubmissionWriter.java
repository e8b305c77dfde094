package org.cellarena.scoring.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cellarena.scoring.rle.RunMask;

/**
 * Writes a submission in the format {@link SubmissionReader} reads: the header {@code id,predicted}, a row per
 * mask, one row with an empty prediction for an image without masks; gzip when the name ends in {@code .gz}.
 */
public final class SubmissionWriter implements Closeable {
  private final CSVPrinter csv;

  /** An image's predicted masks, with its size for the check of {@link #writeChecked}. */
  public record PredictedImage(String id, int width, int height, List<RunMask> masks) {}

  /** Opens {@code file} (creating its folder) and writes the header; {@link #append} then adds images' rows. */
  public SubmissionWriter(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    OutputStream out = Files.newOutputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out);
    }
    csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    csv.printRecord(SubmissionReader.COLUMNS);
  }

  /** Writes each image's masks, in the map's order. */
  public static void write(Path file, Map<String, List<RunMask>> masksByImage) throws IOException {
    try (SubmissionWriter writer = new SubmissionWriter(file)) {
      for (Map.Entry<String, List<RunMask>> image : masksByImage.entrySet()) {
        writer.append(image.getKey(), image.getValue());
      }
    }
  }

  /**
   * Writes the images to a temporary file beside {@code file}, has {@link SubmissionReader} check it against the
   * images' ids and sizes (masks in bounds and not overlapping, every image listed), and only then moves it into
   * place; an invalid file is deleted and its problems thrown.
   */
  public static void writeChecked(Path file, List<PredictedImage> images) throws IOException, InvalidFileException {
    Path target = file.toAbsolutePath();
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try (SubmissionWriter writer = new SubmissionWriter(part)) {
      for (PredictedImage image : images) {
        writer.append(image.id(), image.masks());
      }
    }
    List<SolutionImage> sizes = images.stream()
        .map(i -> new SolutionImage(i.id(), i.width(), i.height(), "", Usage.PUBLIC, List.of(), Map.of()))
        .toList();
    try {
      new SubmissionReader(new Solution(sizes)).read(part);
    } catch (InvalidFileException | IOException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The image's rows: one per mask, or one with an empty prediction when it has none. */
  public void append(String imageId, List<RunMask> masks) throws IOException {
    if (masks.isEmpty()) {
      csv.printRecord(imageId, "");
    }
    for (RunMask mask : masks) {
      csv.printRecord(imageId, mask.toRle());
    }
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
