package org.cellarena.harness.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.cellarena.model.data.Dataset;
import org.cellarena.harness.split.SplitManifest;
import org.cellarena.harness.split.SplitParameters;
import org.cellarena.harness.split.Splitter;
import org.cellarena.scoring.io.SolutionImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code split}: the train / val / holdout manifest of a dataset. */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = {"Split a dataset into train, val and holdout image ids (a JSON manifest).",
        "Seeded; stratified by a column; grouped by a column (no group in two parts); --folds K "
        + "--fold I makes val fold I of the non-holdout images. Prints the counts per part and cell type."})
public final class SplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatasetInput data;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Manifest to write (JSON).")
  Path out;

  @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "F",
      description = "Share of the images held out for scoring (default: ${DEFAULT-VALUE}).")
  double holdout;

  @Option(names = "--val", defaultValue = "0.1", paramLabel = "F",
      description = "Share of the images for validation (default: ${DEFAULT-VALUE}); ignored with --folds.")
  double val;

  @Option(names = "--folds", defaultValue = "0", paramLabel = "K",
      description = "Cut the non-holdout images into K folds; val is fold --fold.")
  int folds;

  @Option(names = "--fold", defaultValue = "0", paramLabel = "I", description = "Which fold is val, 0..K-1 (default: 0).")
  int fold;

  @Option(names = "--stratify", defaultValue = "cell_type", paramLabel = "COLUMN",
      description = "Column to stratify by: cell_type or a metadata column, or none (default: ${DEFAULT-VALUE}).")
  String stratify;

  @Option(names = "--group", paramLabel = "COLUMN",
      description = "Column whose values never span two parts, e.g. sample_id (default: no grouping).")
  String group;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    SplitParameters params;
    try {
      params = new SplitParameters(holdout, val, folds, fold, "none".equalsIgnoreCase(stratify) ? null : stratify,
          group, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Dataset dataset = data.read();
    SplitManifest manifest = Splitter.split(dataset.images(), params);
    manifest.write(out);
    System.out.println("wrote " + out);
    printCounts(dataset, manifest);
    return 0;
  }

  static void printCounts(Dataset dataset, SplitManifest manifest) {
    Map<String, String> typeOf = new HashMap<>();
    for (SolutionImage image : dataset.images()) {
      typeOf.put(image.id(), image.cellType());
    }
    TreeSet<String> types = new TreeSet<>(typeOf.values());
    StringBuilder header = new StringBuilder(String.format("%-8s %6s", "part", "images"));
    types.forEach(t -> header.append(String.format(" %8s", t)));
    System.out.println(header);
    for (String part : SplitManifest.PARTS) {
      StringBuilder row = new StringBuilder(String.format("%-8s %6d", part, manifest.part(part).size()));
      for (String type : types) {
        row.append(String.format(" %8d", manifest.part(part).stream().filter(id -> type.equals(typeOf.get(id))).count()));
      }
      System.out.println(row);
    }
  }
}
