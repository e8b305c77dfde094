package org.cellarena.scoring.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.scoring.rle.RunMask;

/**
 * CSV records read straight from bytes, one at a time: RFC 4180 as commons-csv's default format reads it (comma,
 * double quotes with "" inside, CR, LF or CRLF line ends, an empty line is a record with one empty field). Fields
 * stay byte ranges of a large buffer: a mask is parsed from its bytes and only the fields asked for as text
 * become Strings. Each record is checked to be UTF-8 text without NUL bytes ({@link TextInput.BadTextException}).
 */
final class CsvRecords {
  /** CSV that cannot be parsed from a record on: an unterminated quote, text after a closing quote. */
  static final class MalformedCsvException extends IOException {
    private final long line;

    MalformedCsvException(long line, String message) {
      super(message);
      this.line = line;
    }

    /** The record (1 = the header) where the problem starts. */
    long line() {
      return line;
    }
  }

  private static final int BUFFER = 1 << 20;
  private static final int NEED_MORE = -1;
  /** The longest record of a reader made without a bound: under the largest array Java can make. */
  static final int MAX_RECORD_BYTES = 1 << 30;

  private final InputStream in;
  private final int maxRecordBytes;
  private byte[] buf;
  private int limit; // bytes held in buf
  private int next; // where the next record starts
  private boolean eof;
  private long number;

  // The current record: its fields as [start, end) in buf, and whether a quoted field holds "" pairs.
  private int[] starts = new int[8], ends = new int[8];
  private boolean[] escaped = new boolean[8];
  private int size;
  private int recordStart;
  private boolean nonAscii;

  CsvRecords(InputStream bytes) {
    this(bytes, MAX_RECORD_BYTES);
  }

  /** Records of at most {@code maxRecordBytes} bytes; a longer one is a {@link MalformedCsvException}. */
  CsvRecords(InputStream bytes, int maxRecordBytes) {
    this.in = bytes;
    this.maxRecordBytes = Math.min(maxRecordBytes, MAX_RECORD_BYTES);
    this.buf = new byte[Math.min(BUFFER, this.maxRecordBytes + 1)];
  }

  /** Reads the next record; false at the end of the input. */
  boolean next() throws IOException {
    while (true) {
      if (next >= limit && eof) {
        return false;
      }
      int end = scan(next);
      if (end != NEED_MORE) {
        finishRecord(end);
        return true;
      }
      refill();
    }
  }

  /** Whether no record follows the current one. */
  boolean atEnd() throws IOException {
    while (next >= limit && !eof) {
      refill();
    }
    return next >= limit;
  }

  /** The record's number: 1 for the first (the header), as commons-csv counts. */
  long number() {
    return number;
  }

  int size() {
    return size;
  }

  /** Field {@code i}'s length in bytes. */
  int length(int i) {
    return ends[i] - starts[i];
  }

  /** Field {@code i} as text. */
  String text(int i) {
    return new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
  }

  /**
   * Whether field {@code i} is exactly {@code text}, an ASCII string, compared byte by byte: lets a reader reuse
   * the String of an earlier row instead of making one more.
   */
  boolean is(int i, String text) {
    int start = starts[i], length = ends[i] - start;
    if (length != text.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (buf[start + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Field {@code i} as an int when it is 1 to 9 ASCII digits and nothing else; -1 otherwise. */
  int digits(int i) {
    int start = starts[i], end = ends[i];
    if (end - start < 1 || end - start > 9) {
      return -1;
    }
    int value = 0;
    for (int p = start; p < end; p++) {
      int d = buf[p] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Whether field {@code i} is empty or white space only ({@link String#isBlank()}). */
  boolean isBlank(int i) {
    for (int p = starts[i]; p < ends[i]; p++) {
      byte b = buf[p];
      if (b < 0) {
        return text(i).isBlank();
      } else if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /** Field {@code i} parsed as the competition's RLE ({@link RunMask#parse(byte[], int, int, int, int)}). */
  RunMask mask(int i, int width, int height) {
    return RunMask.parse(buf, starts[i], ends[i], width, height);
  }

  /** The record's fields as texts. */
  List<String> texts() {
    String[] texts = new String[size];
    Arrays.setAll(texts, this::text);
    return List.of(texts);
  }

  /** Column positions by name (trimmed, case-sensitive; the first of a repeated name) of a header record. */
  Map<String, Integer> columns() {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < size; i++) {
      columns.putIfAbsent(text(i).trim(), i);
    }
    return columns;
  }

  /**
   * Finds the fields of the record starting at {@code p}; returns where the next record starts, or
   * {@link #NEED_MORE} when the buffer ends before the record does and more input may follow.
   */
  private int scan(int p) throws IOException {
    recordStart = p;
    size = 0;
    nonAscii = false;
    while (true) {
      int fieldEnd;
      if (p < limit && buf[p] == '"') {
        int close = closingQuote(p + 1);
        if (close == NEED_MORE) {
          return NEED_MORE;
        }
        fieldEnd = close;
        addField(p + 1, close, hasPairs(p + 1, close));
        p = close + 1;
        if (p < limit && buf[p] != ',' && buf[p] != '\n' && buf[p] != '\r') {
          throw new MalformedCsvException(number + 1, "text follows a closing quote before the next comma; quote "
              + "the whole field, with a quote inside written as \"\"");
        }
      } else {
        fieldEnd = p;
        while (fieldEnd < limit) {
          byte b = buf[fieldEnd];
          if (b == ',' || b == '\n' || b == '\r') {
            break;
          } else if (b <= 0) {
            check(b, fieldEnd);
          }
          fieldEnd++;
        }
        addField(p, fieldEnd, false);
        p = fieldEnd;
      }
      if (p >= limit) {
        return eof ? p : NEED_MORE;
      }
      byte b = buf[p];
      if (b == ',') {
        p++;
      } else if (b == '\n') {
        return p + 1;
      } else if (p + 1 < limit) { // '\r', alone or before '\n'
        return buf[p + 1] == '\n' ? p + 2 : p + 1;
      } else {
        return eof ? p + 1 : NEED_MORE;
      }
    }
  }

  /** The closing quote of a quoted field whose text starts at {@code p}, skipping "" pairs. */
  private int closingQuote(int p) throws IOException {
    while (true) {
      if (p >= limit) {
        if (eof) {
          throw new MalformedCsvException(number + 1, "a quoted field opened on this line is never closed (a \" "
              + "without its closing \"); the file cannot be read past it");
        }
        return NEED_MORE;
      }
      byte b = buf[p];
      if (b == '"') {
        if (p + 1 >= limit && !eof) {
          return NEED_MORE;
        }
        if (p + 1 >= limit || buf[p + 1] != '"') {
          return p;
        }
        p++;
      } else if (b <= 0) {
        check(b, p);
      }
      p++;
    }
  }

  private boolean hasPairs(int from, int to) {
    for (int p = from; p < to; p++) {
      if (buf[p] == '"') {
        return true;
      }
    }
    return false;
  }

  /** A NUL byte or a non-ASCII one: a NUL is binary content unless the text before it is not UTF-8 already. */
  private void check(byte b, int p) throws IOException {
    if (b < 0) {
      nonAscii = true;
    } else {
      if (nonAscii) {
        TextInput.checkUtf8(buf, recordStart, p);
      }
      throw TextInput.BadTextException.binary();
    }
  }

  private void addField(int start, int end, boolean pairs) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      escaped = Arrays.copyOf(escaped, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    escaped[size++] = pairs;
  }

  private void finishRecord(int end) throws IOException {
    if (nonAscii) {
      TextInput.checkUtf8(buf, recordStart, end);
    }
    for (int i = 0; i < size; i++) {
      if (escaped[i]) {
        ends[i] = unescape(starts[i], ends[i]);
      }
    }
    next = end;
    number++;
  }

  /** Turns the "" pairs of a quoted field into single quotes, in place; returns the field's new end. */
  private int unescape(int from, int to) {
    int out = from;
    for (int p = from; p < to; p++, out++) {
      buf[out] = buf[p];
      if (buf[p] == '"') {
        p++;
      }
    }
    return out;
  }

  /** Keeps the current record and the unread bytes, growing the buffer when they fill it, and reads more. */
  private void refill() throws IOException {
    int shift = recordStart;
    if (shift > 0) {
      System.arraycopy(buf, shift, buf, 0, limit - shift);
      limit -= shift;
      next -= shift;
      recordStart = 0;
      for (int i = 0; i < size; i++) {
        starts[i] -= shift;
        ends[i] -= shift;
      }
    }
    if (limit >= maxRecordBytes) { // the whole buffer is one unfinished record
      throw new MalformedCsvException(number + 1, "this line is longer than " + describe(maxRecordBytes)
          + " without ending; the file cannot be read past it");
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxRecordBytes + 1));
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  private static String describe(int bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
  }
}
