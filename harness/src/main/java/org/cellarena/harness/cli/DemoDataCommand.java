package org.cellarena.harness.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.cellarena.harness.demodata.DemoDataGenerator;
import org.cellarena.scoring.io.SolutionImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code demo-data}: a generated dataset that looks like the Sartorius phase-contrast images. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
    description = {"Generate a realistic phase-contrast dataset in the Kaggle layout.",
        "Writes train.csv (with plate/sample metadata) and train/<id>.png, looking like the Sartorius images: "
            + "shsy5y (hundreds of small elongated cells with long neurites), astro (tens of large irregular "
            + "cells), cort (about 30 small round cells among fine neurites and debris); touching and overlapping "
            + "cells with overlapping ground truth; debris and dead cells in the pixels only.",
        "The same seed gives the same files."})
public final class DemoDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (must not hold a dataset yet).")
  Path out;

  @Option(names = "--images", defaultValue = "30", paramLabel = "N", description = "Number of images (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--width", defaultValue = "704", paramLabel = "W", description = "Image width (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", defaultValue = "520", paramLabel = "H", description = "Image height (default: ${DEFAULT-VALUE}).")
  int height;

  @Override
  public Integer call() throws Exception {
    if (images < 1) {
      throw new ParameterException(spec.commandLine(), "--images must be at least 1, found " + images);
    }
    if (width < 32 || height < 32 || width > 10_000 || height > 10_000) {
      throw new ParameterException(spec.commandLine(), "--width and --height must be within 32..10000");
    }
    long start = System.nanoTime();
    List<SolutionImage> written = new DemoDataGenerator(images, seed, width, height).writeTo(out, System.out);
    Map<String, int[]> perType = new TreeMap<>();
    for (SolutionImage image : written) {
      int[] counts = perType.computeIfAbsent(image.cellType(), t -> new int[2]);
      counts[0]++;
      counts[1] += image.cells().size();
    }
    System.out.printf("wrote %d images to %s in %.1f s%n", written.size(), out, (System.nanoTime() - start) / 1e9);
    perType.forEach((type, c) -> System.out.printf("  %-7s %3d images, %6d cells (%.0f per image)%n",
        type, c[0], c[1], c[1] / (double) c[0]));
    return 0;
  }
}
