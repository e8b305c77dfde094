package org.cellarena.model.predict;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.rle.RunMask;

/**
 * Writes a submission ({@code id,predicted}, a row per cell, an empty row for an image without cells; gzip when
 * the name ends in {@code .gz}) to a temporary file, has the scoring module's reader validate it against the
 * images' ids and sizes (no overlaps, RLE in bounds, every image listed), and only then moves it into place.
 */
public final class SubmissionWriter {
  private SubmissionWriter() {}

  /** A predicted image: its size and non-overlapping cells. */
  public record ImagePrediction(String id, int width, int height, List<RunMask> cells) {}

  public static void write(List<ImagePrediction> images, Path out) throws IOException, InvalidFileException {
    Path abs = out.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
    try (OutputStream os = open(tmp, abs.toString().endsWith(".gz"));
        Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8))) {
      w.write("id,predicted\n");
      for (ImagePrediction p : images) {
        if (p.cells().isEmpty()) {
          w.write(p.id() + ",\n");
        }
        for (RunMask m : p.cells()) {
          w.write(p.id() + "," + m.toRle() + "\n");
        }
      }
    }
    List<SolutionImage> truth = new ArrayList<>();
    for (ImagePrediction p : images) {
      truth.add(new SolutionImage(p.id(), p.width(), p.height(), "", Usage.PUBLIC, List.of(), Map.of()));
    }
    try {
      new SubmissionReader(new Solution(truth)).read(tmp);
    } catch (InvalidFileException | IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static OutputStream open(Path p, boolean gzip) throws IOException {
    OutputStream os = Files.newOutputStream(p);
    return gzip ? new GZIPOutputStream(os) : os;
  }
}
