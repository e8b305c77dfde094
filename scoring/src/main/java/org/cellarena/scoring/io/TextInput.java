package org.cellarena.scoring.io;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens a CSV byte stream as strict UTF-8 text: gzip is recognised by its magic bytes (whatever the file is
 * called), a byte-order mark is skipped, malformed UTF-8 and NUL bytes (binary content) raise
 * {@link BadTextException}.
 */
final class TextInput {
  private TextInput() {}

  /** Thrown while reading when the content is not UTF-8 text. */
  static final class BadTextException extends IOException {
    BadTextException(String message) {
      super(message);
    }
  }

  static Reader open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read(), b1 = in.read();
    in.reset();
    InputStream bytes = (b0 == 0x1f && b1 == 0x8b) ? gunzip(in) : in;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new StrictReader(new InputStreamReader(bytes, decoder));
  }

  /** The gzip stream; its header is read here, so a damaged header is reported like damaged data. */
  private static InputStream gunzip(InputStream in) throws BadTextException {
    try {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    } catch (java.util.zip.ZipException e) {
      throw new BadTextException("the gzip data is corrupt: " + e.getMessage());
    } catch (java.io.EOFException e) {
      throw new BadTextException("the gzip data is truncated");
    } catch (IOException e) {
      throw new BadTextException("the gzip data cannot be read: " + e.getMessage());
    }
  }

  /** Turns decoder failures and NUL characters into {@link BadTextException}; drops a leading BOM. */
  private static final class StrictReader extends FilterReader {
    private boolean first = true;

    StrictReader(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(buf, off, len);
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new BadTextException("the file is not UTF-8 text (invalid byte sequence)");
      } catch (java.util.zip.ZipException e) {
        throw new BadTextException("the gzip data is corrupt: " + e.getMessage());
      } catch (java.io.EOFException e) {
        throw new BadTextException("the gzip data is truncated");
      }
      if (n > 0 && first) {
        first = false;
        if (buf[off] == '\uFEFF') {
          System.arraycopy(buf, off + 1, buf, off, n - 1);
          n--;
          if (n == 0) {
            return read(buf, off, len);
          }
        }
      }
      for (int i = off; i < off + n; i++) {
        if (buf[i] == '\0') {
          throw new BadTextException("the file holds binary content (a NUL byte), not CSV text");
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0];
    }
  }
}
