package org.cellarena.scoring.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cellarena.scoring.rle.RunMask;

/**
 * Writes images in the {@code train.csv} layout that {@link SolutionReader} reads: a row per cell
 * ({@code id,annotation,width,height,cell_type}, the metadata columns any image has, and {@code Usage} when asked),
 * one row with an empty annotation for an image without cells.
 */
public final class SolutionWriter implements Closeable {
  private final CSVPrinter csv;
  private final List<String> metadata;
  private final boolean withUsage;
  private final int columns;

  /** Opens {@code file} (creating its folder) and writes the header; {@link #append} then adds images' rows. */
  public SolutionWriter(Path file, List<String> metadata, boolean withUsage) throws IOException {
    this.metadata = List.copyOf(metadata);
    this.withUsage = withUsage;
    List<String> header = new ArrayList<>(SolutionReader.REQUIRED);
    header.addAll(metadata);
    if (withUsage) {
      header.add(SolutionReader.USAGE);
    }
    columns = header.size();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Writer out = Files.newBufferedWriter(file);
    csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    csv.printRecord(header);
  }

  public static void write(Path file, Collection<SolutionImage> images, boolean withUsage) throws IOException {
    List<String> metadata = SolutionReader.METADATA.stream()
        .filter(m -> images.stream().anyMatch(i -> i.metadata().containsKey(m)))
        .toList();
    try (SolutionWriter writer = new SolutionWriter(file, metadata, withUsage)) {
      for (SolutionImage image : images) {
        writer.append(image);
      }
    }
  }

  /** The image's rows: one per cell, or one with an empty annotation when it has none. */
  public void append(SolutionImage image) throws IOException {
    List<String> annotations = image.cells().isEmpty()
        ? List.of("") : image.cells().stream().map(RunMask::toRle).toList();
    for (String annotation : annotations) {
      List<String> row = new ArrayList<>(columns);
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

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
