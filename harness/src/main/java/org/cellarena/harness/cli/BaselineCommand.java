package org.cellarena.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cellarena.harness.baseline.Baseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baseline}: the classical segmentation, written as a submission. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = {"Segment images without learning and write a valid submission.",
        "OpenCV: background flattening, local-contrast threshold, distance-transform watershed, small-object "
            + "removal; masks never overlap. It is the leaderboard's reference row."})
public final class BaselineCommand implements Callable<Integer> {
  @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of <id>.png images (8 or 16 bit).")
  Path images;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Submission to write (.csv or .csv.gz).")
  Path out;

  @Override
  public Integer call() throws Exception {
    var masks = Baseline.run(images, out, System.out);
    System.out.printf("wrote %s: %d cells on %d images%n", out,
        masks.values().stream().mapToInt(java.util.List::size).sum(), masks.size());
    return 0;
  }
}
