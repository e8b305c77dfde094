package org.cellarena.scoring.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Shared CSV plumbing of the two readers: the format, the header's column positions, clean I/O errors. */
final class CsvFiles {
  private CsvFiles() {}

  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  static CSVParser parser(Reader reader) throws IOException {
    return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
  }

  /** Column positions by name (trimmed, case-sensitive) of a header record. */
  static Map<String, Integer> columns(CSVRecord header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim(), i);
    }
    return columns;
  }

  /** The next record, turning commons-csv's unchecked parse failures into {@link IOException}s. */
  static CSVRecord next(Iterator<CSVRecord> records) throws IOException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) { // commons-csv: e.g. EOF inside a quoted field
      throw new IOException("malformed CSV: " + e.getMessage(), e);
    }
  }

  /** The header's names not in {@code known}, for an "unknown column" problem. */
  static List<String> unknownColumns(CSVRecord header, List<String> known) {
    return header.stream().map(String::trim).filter(name -> !known.contains(name)).toList();
  }
}
