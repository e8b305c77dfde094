package org.cellarena.web.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.cellarena.web.Refusal;

/** A stream that refuses (413) to give more than a set number of bytes: the guard against gzip bombs. */
final class SizeLimitedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  SizeLimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void add(long n) {
    count += n;
    if (count > limit) {
      throw new Refusal(413, "the file decompresses to more than " + limit / (1024 * 1024)
          + " MB, the server's limit");
    }
  }
}
