package org.cellarena.harness.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cellarena.harness.baseline.Baseline;
import org.cellarena.harness.baseline.CellTypesFile;
import org.cellarena.model.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baseline}: the classical segmentation, written as a submission. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = {"Segment images without learning and write a valid submission.",
        "OpenCV: background flattening, a threshold relative to the image's own noise, distance-transform "
            + "watershed, small-object removal, with settings per cell type (small cells: shsy5y, cort; large: "
            + "astro); masks never overlap. It is the leaderboard's reference row."})
public final class BaselineCommand implements Callable<Integer> {
  @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of <id>.png images (8 or 16 bit).")
  Path images;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Submission to write (.csv or .csv.gz).")
  Path out;

  @Option(names = "--cell-types", paramLabel = "FILE",
      description = "CSV with the columns id and cell_type (a train.csv will do): each listed image gets its type's "
          + "settings; the others, and types not known, get a choice from the image's own cell size.")
  Path cellTypes;

  @Override
  public Integer call() throws Exception {
    Map<String, String> types = cellTypes == null ? Map.of()
        : CellTypesFile.read(cellTypes, Dataset.pngIds(images));
    var masks = Baseline.run(images, types, out, System.out);
    System.out.printf("wrote %s: %d cells on %d images%n", out,
        masks.values().stream().mapToInt(java.util.List::size).sum(), masks.size());
    return 0;
  }
}
