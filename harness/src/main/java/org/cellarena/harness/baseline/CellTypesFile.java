package org.cellarena.harness.baseline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cellarena.harness.dataset.DataException;

/**
 * Reads the cell type of each image from a CSV with the columns {@code id} and {@code cell_type} (a
 * {@code train.csv} will do: its other columns are ignored). It keeps only the ids asked for, so memory follows
 * the images, not the file; an id given two different types is refused with its line.
 */
public final class CellTypesFile {
  private CellTypesFile() {}

  public static Map<String, String> read(Path file, Collection<String> ids) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DataException("no cell types file " + file);
    }
    Set<String> wanted = Set.copyOf(ids);
    Map<String, String> types = new HashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(reader, format)) {
      if (!csv.getHeaderMap().containsKey("id") || !csv.getHeaderMap().containsKey("cell_type")) {
        throw new DataException(file + ": line 1: the header needs the columns id and cell_type, found "
            + csv.getHeaderNames());
      }
      for (CSVRecord row : csv) {
        String id = row.isMapped("id") && row.isSet("id") ? row.get("id") : "";
        if (!wanted.contains(id) || !row.isSet("cell_type")) {
          continue;
        }
        String type = row.get("cell_type").trim();
        String earlier = types.putIfAbsent(id, type);
        if (earlier != null && !earlier.equals(type)) {
          throw new DataException(file + ": line " + csv.getCurrentLineNumber() + ": image " + id
              + " has cell_type " + type + " but an earlier line gave " + earlier);
        }
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new DataException(file + ": not a readable CSV: " + e.getMessage());
    }
    return types;
  }
}
