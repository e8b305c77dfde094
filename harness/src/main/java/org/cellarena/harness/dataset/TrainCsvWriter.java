package org.cellarena.harness.dataset;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.rle.RunMask;

/**
 * Writes images in the {@code train.csv} layout: a row per cell ({@code id,annotation,width,height,cell_type}, the
 * metadata columns any image has, and {@code Usage} when asked), one row with an empty annotation for an image
 * without cells.
 */
public final class TrainCsvWriter {
  private TrainCsvWriter() {}

  public static void write(Path file, Collection<SolutionImage> images, boolean withUsage) throws IOException {
    List<String> metadata = SolutionReader.METADATA.stream()
        .filter(m -> images.stream().anyMatch(i -> i.metadata().containsKey(m)))
        .toList();
    List<String> header = new ArrayList<>(SolutionReader.REQUIRED);
    header.addAll(metadata);
    if (withUsage) {
      header.add(SolutionReader.USAGE);
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (Writer out = Files.newBufferedWriter(file);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      csv.printRecord(header);
      for (SolutionImage image : images) {
        List<String> annotations = image.cells().isEmpty()
            ? List.of("") : image.cells().stream().map(RunMask::toRle).toList();
        for (String annotation : annotations) {
          List<String> row = new ArrayList<>(header.size());
          row.add(image.id());
          row.add(annotation);
          row.add(Integer.toString(image.width()));
          row.add(Integer.toString(image.height()));
          row.add(image.cellType());
          metadata.forEach(m -> row.add(image.metadata().getOrDefault(m, "")));
          if (withUsage) {
            row.add(image.usage().label());
          }
          csv.printRecord(row);
        }
      }
    }
  }
}
