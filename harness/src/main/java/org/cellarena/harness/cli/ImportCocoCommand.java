package org.cellarena.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cellarena.harness.dataset.CocoDatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code import-coco}: COCO-annotated datasets (LIVECell) into the Kaggle layout. */
@Command(name = "import-coco", mixinStandardHelpOptions = true,
    description = {"Import COCO / LIVECell annotations into the Kaggle layout.",
        "Converts COCO instance annotations (LIVECell's format: compressed or uncompressed RLE, "
        + "polygons) and their images into the Kaggle layout (train.csv, train/<id>.png) that split and "
        + "competition create read. The JSON is streamed, so memory follows one image's annotations, not the file.",
        "LIVECell as downloaded: --json livecell_coco_train.json --json livecell_coco_val.json "
        + "--json livecell_coco_test.json --images images (its per-cell-line folders are searched)."})
public final class ImportCocoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", required = true, paramLabel = "FILE",
      description = "COCO annotation file; repeat it to import several into one dataset.")
  List<Path> json;

  @Option(names = "--images", required = true, paramLabel = "DIR",
      description = "Folder of the images the JSON names, searched with its subfolders.")
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
    var written = CocoDatasetWriter.convert(json, images, out, cellType, System.err);
    System.out.printf("wrote %d images, %d cells to %s%n", written.images(), written.cells(), out);
    return 0;
  }
}
