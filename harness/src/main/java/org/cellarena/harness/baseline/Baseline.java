package org.cellarena.harness.baseline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.harness.dataset.DataException;
import org.cellarena.harness.dataset.PngImages;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.SubmissionWriter;
import org.cellarena.scoring.rle.RunMask;
import org.opencv.core.Mat;

/** Runs the {@link ClassicalSegmenter} over a folder of PNGs and writes the submission. */
public final class Baseline {
  private Baseline() {}

  /** {@link #run(Path, Map, Path, PrintStream)} with every cell type unknown (chosen from each image). */
  public static Map<String, List<RunMask>> run(Path images, Path out, PrintStream progress) throws IOException {
    return run(images, Map.of(), out, progress);
  }

  /**
   * Segments every {@code <id>.png} in {@code images} (sorted by id) with the settings of its cell type in
   * {@code cellTypes} (by id; an image without one, or of a type not known, gets the automatic choice) and writes
   * {@code out}; returns the masks.
   */
  public static Map<String, List<RunMask>> run(Path images, Map<String, String> cellTypes, Path out,
      PrintStream progress) throws IOException {
    List<String> ids = Dataset.pngIds(images);
    if (ids.isEmpty()) {
      throw new DataException("no PNG images in " + images);
    }
    Map<String, List<RunMask>> masks = new LinkedHashMap<>();
    long start = System.nanoTime();
    int cells = 0;
    for (int i = 0; i < ids.size(); i++) {
      Mat gray = PngImages.read8Bit(images.resolve(ids.get(i) + ".png"));
      List<RunMask> found = CellTypeSettings.segment(gray, cellTypes.get(ids.get(i)));
      gray.release();
      masks.put(ids.get(i), found);
      cells += found.size();
      if (progress != null && ((i + 1) % 10 == 0 || i + 1 == ids.size())) {
        progress.printf("baseline: %d/%d images, %d cells (%.1f s)%n", i + 1, ids.size(), cells,
            (System.nanoTime() - start) / 1e9);
      }
    }
    SubmissionWriter.write(out, masks);
    return masks;
  }
}
