package org.cellarena.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cellarena.harness.dataset.CocoDatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code import-coco}: a COCO-annotated dataset (LIVECell) into the Kaggle layout. */
@Command(name = "import-coco", mixinStandardHelpOptions = true,
    description = {"Import COCO / LIVECell annotations into the Kaggle layout.",
        "Converts COCO instance annotations (LIVECell's format: compressed or uncompressed RLE, "
        + "polygons) and their images into the Kaggle layout (train.csv, train/<id>.png) that split and "
        + "competition create read."})
public final class ImportCocoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", required = true, paramLabel = "FILE", description = "COCO annotation file.")
  Path json;

  @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of the images the JSON names.")
  Path images;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dataset folder to write.")
  Path out;

  @Option(names = "--cell-type", paramLabel = "T",
      description = "cell_type for every image (default: the category, or LIVECell's file-name prefix).")
  String cellType;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(images)) {
      throw new ParameterException(spec.commandLine(), "--images: no folder " + images);
    }
    var written = CocoDatasetWriter.convert(json, images, out, cellType, System.out);
    System.out.printf("wrote %d images, %d cells to %s%n", written.size(),
        written.stream().mapToInt(i -> i.cells().size()).sum(), out);
    return 0;
  }
}
