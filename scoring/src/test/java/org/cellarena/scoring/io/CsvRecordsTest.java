package org.cellarena.scoring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The byte-level reader gives the records commons-csv's default format gives, however the bytes arrive. */
class CsvRecordsTest {
  private static final CSVFormat COMMONS = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  @ParameterizedTest
  @ValueSource(strings = {
      "id,predicted\na,1 3\nb,\n",
      "id,predicted\r\na,1 3\r\nb,\r\n",
      "id,predicted\ra,1 3\rb,",
      "id,predicted\n\na,1 3\n\n\nb,2 2",
      "\"id\",\"predicted\"\n\"a\",\"1 3\"\n",
      "x,\"a \"\"quoted\"\", with comma\",\"line\nbreak\"\n,\n\"\"\n",
      "a\"b,c\"\"d\n",
      "caf\u00e9,\u00fcber\n",
      "a,b,c,,\n,,\n",
      "one field"})
  void readsWhatCommonsCsvReads(String text) throws IOException {
    assertEquals(commons(text), ours(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    assertEquals(commons(text), ours(new Trickle(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void readsRecordsLargerThanItsBuffer() throws IOException {
    String big = "1 1 ".repeat(600_000);
    String text = "id,predicted\na," + big + "\nb,\"" + big + "\"\n";
    assertEquals(commons(text), ours(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void refusesARecordLongerThanItsBoundWithItsNumber() {
    String text = "id,predicted\na," + "1 1 ".repeat(100) + "\n";
    CsvRecords.MalformedCsvException e = assertThrows(CsvRecords.MalformedCsvException.class, () -> {
      CsvRecords records = new CsvRecords(new Trickle(text.getBytes(StandardCharsets.UTF_8)), 64);
      while (records.next()) {
        // reads until the long record
      }
    });
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("longer than 64 bytes"), e.getMessage());
  }

  @Test
  void refusesAnUnfinishedQuote() {
    CsvRecords.MalformedCsvException e =
        assertThrows(CsvRecords.MalformedCsvException.class, () -> ours(stream("a,b\nc,\"d\n")));
    assertTrue(e.getMessage().startsWith("a quoted field opened on this line is never closed"), e.getMessage());
    assertEquals(2, e.line());
    CsvRecords.MalformedCsvException after =
        assertThrows(CsvRecords.MalformedCsvException.class, () -> ours(stream("a,\"b\"c\n")));
    assertTrue(after.getMessage().startsWith("text follows a closing quote"), after.getMessage());
  }

  @Test
  void refusesNulBytesAndInvalidUtf8() {
    IOException nul = assertThrows(TextInput.BadTextException.class, () -> ours(stream("a,b\nc,\0\n")));
    assertTrue(nul.getMessage().contains("binary"), nul.getMessage());
    byte[] latin1 = "a,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    IOException bad = assertThrows(TextInput.BadTextException.class, () -> ours(new ByteArrayInputStream(latin1)));
    assertTrue(bad.getMessage().contains("not UTF-8"), bad.getMessage());
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<List<String>> ours(InputStream in) throws IOException {
    List<List<String>> records = new ArrayList<>();
    CsvRecords csv = new CsvRecords(in);
    while (csv.next()) {
      assertEquals(records.size() + 1, csv.number());
      records.add(csv.texts());
    }
    return records;
  }

  private static List<List<String>> commons(String text) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(COMMONS).get()) {
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
    }
    return records;
  }

  /** Hands out one or two bytes a read, so that records end, quotes close and lines break across refills. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private int position;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(len, 1 + position % 2);
      n = Math.min(n, bytes.length - position);
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }
}
