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

  /** CSV that cannot be parsed from a line on (an unterminated quote, text after a closing quote). */
  static final class MalformedCsvException extends IOException {
    private final long line;

    MalformedCsvException(long line, String message) {
      super(message);
      this.line = line;
    }

    long line() {
      return line;
    }
  }

  /**
   * The next record of {@code parser}, turning commons-csv's unchecked parse failures into a
   * {@link MalformedCsvException} that says what is wrong and where, or the underlying {@link IOException}.
   */
  static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser) throws IOException {
    long line = parser.getRecordNumber() + 1;
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof TextInput.BadTextException bad) {
        throw bad;
      }
      String cause = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      if (cause.contains("EOF reached before encapsulated token finished")) {
        throw new MalformedCsvException(line, "a quoted field opened on this line is never closed (a \" without "
            + "its closing \"); the file cannot be read past it");
      }
      if (cause.contains("invalid char between encapsulated token and delimiter")) {
        throw new MalformedCsvException(line, "text follows a closing quote before the next comma; quote the "
            + "whole field, with a quote inside written as \"\"");
      }
      if (e.getCause() != null && !(e.getCause().getClass() == IOException.class)) {
        throw e.getCause();
      }
      throw new MalformedCsvException(line, "malformed CSV: " + Problem.cut(cause, 200));
    } catch (IllegalStateException e) {
      throw new MalformedCsvException(line, "malformed CSV: " + Problem.cut(e.getMessage(), 200));
    }
  }

  /** Names from the input, each cut to {@link Problem#MAX_ECHOED_ID} characters, at most ten of them. */
  static String echo(List<String> names) {
    String shown = String.join(", ", names.stream().limit(10).map(n -> Problem.cut(n, Problem.MAX_ECHOED_ID))
        .toList());
    return names.size() > 10 ? shown + ", ... (" + names.size() + " in all)" : shown;
  }

  /** The header's names not in {@code known}, for an "unknown column" problem. */
  static List<String> unknownColumns(CSVRecord header, List<String> known) {
    return header.stream().map(String::trim).filter(name -> !known.contains(name)).toList();
  }
}
