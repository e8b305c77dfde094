package org.cellarena.scoring.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a CSV byte stream: gzip is recognised by its magic bytes (whatever the file is called) and a UTF-8
 * byte-order mark is skipped; damaged gzip data raises {@link BadTextException} while reading. The text checks
 * (strict UTF-8, no NUL byte) are {@link CsvRecords}'s, record by record.
 */
final class TextInput {
  private static final int BUFFER = 1 << 16;

  private TextInput() {}

  /** Thrown while reading when the content is not UTF-8 text. */
  static final class BadTextException extends IOException {
    BadTextException(String message) {
      super(message);
    }

    static BadTextException notUtf8() {
      return new BadTextException("the file is not UTF-8 text (invalid byte sequence)");
    }

    static BadTextException binary() {
      return new BadTextException("the file holds binary content (a NUL byte), not CSV text");
    }
  }

  static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    InputStream bytes = startsWith(in, 0x1f, 0x8b) ? gunzip(in) : in;
    if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
      bytes.skipNBytes(3);
    }
    return bytes;
  }

  /** Throws {@link BadTextException} unless bytes [from, to) are well-formed UTF-8. */
  static void checkUtf8(byte[] bytes, int from, int to) throws BadTextException {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from));
    } catch (CharacterCodingException e) {
      throw BadTextException.notUtf8();
    }
  }

  private static boolean startsWith(InputStream in, int... magic) throws IOException {
    in.mark(magic.length);
    boolean match = true;
    for (int b : magic) {
      match &= in.read() == b;
    }
    in.reset();
    return match;
  }

  /** The gzip stream; its header is read here, so a damaged header is reported like damaged data. */
  private static InputStream gunzip(InputStream in) throws BadTextException {
    try {
      return new BufferedInputStream(new GzipErrors(new GZIPInputStream(in, BUFFER)), BUFFER);
    } catch (IOException e) {
      throw gzipProblem(e);
    }
  }

  private static BadTextException gzipProblem(IOException e) {
    if (e instanceof BadTextException bad) {
      return bad;
    } else if (e instanceof ZipException) {
      return new BadTextException("the gzip data is corrupt: " + e.getMessage());
    } else if (e instanceof EOFException) {
      return new BadTextException("the gzip data is truncated");
    }
    return new BadTextException("the gzip data cannot be read: " + e.getMessage());
  }

  /** Turns the gzip stream's failures while reading into {@link BadTextException}s. */
  private static final class GzipErrors extends FilterInputStream {
    GzipErrors(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw gzipProblem(e);
      }
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (ZipException | EOFException e) {
        throw gzipProblem(e);
      }
    }
  }
}
