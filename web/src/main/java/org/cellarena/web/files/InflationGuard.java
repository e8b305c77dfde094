package org.cellarena.web.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.cellarena.web.refusal.Refusal;

/**
 * Checks an upload's content as it is read, so that a gzip bomb fails after a few hundred kilobytes of input,
 * not after gigabytes of output: refuses (413) more than {@code sizeLimit} bytes out and, for gzip, more than
 * {@code maxRatio} bytes out per byte in once {@link #RATIO_FREE_BYTES} are out. Every gzip member counts, as
 * {@link GZIPInputStream} reads them one after another into one stream.
 */
final class InflationGuard extends FilterInputStream {
  /** Output allowed whatever the ratio: small files of empty images compress very well. */
  static final long RATIO_FREE_BYTES = 8L << 20;
  private static final int BUFFER = 1 << 16;

  private final CountingInputStream compressed;
  private final long sizeLimit;
  private final int maxRatio;
  private long out;

  private InflationGuard(InputStream content, CountingInputStream compressed, long sizeLimit, int maxRatio) {
    super(content);
    this.compressed = compressed;
    this.sizeLimit = sizeLimit;
    this.maxRatio = maxRatio;
  }

  /** The decompressed content of a gzip stream, guarded. */
  static InputStream gunzip(InputStream gzip, long sizeLimit, int maxRatio) throws IOException {
    CountingInputStream counted = new CountingInputStream(gzip);
    return new InflationGuard(new GZIPInputStream(counted, BUFFER), counted, sizeLimit, maxRatio);
  }

  /** Plain content, guarded by its size only. */
  static InputStream plain(InputStream content, long sizeLimit) {
    return new InflationGuard(content, null, sizeLimit, 0);
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
    out += n;
    if (out > sizeLimit) {
      throw new Refusal(Refusal.Reason.TOO_LARGE, "the file decompresses to more than " + sizeLimit / (1024 * 1024)
          + " MB, the server's limit");
    }
    if (compressed != null && out > RATIO_FREE_BYTES && out > maxRatio * compressed.count) {
      throw new Refusal(Refusal.Reason.TOO_LARGE, "the gzip file decompresses to more than " + maxRatio
          + " times its size (" + out + " bytes from the first " + compressed.count
          + "), the server's limit: a gzip bomb? "
          + "Send the submission CSV, plain or as it gzips");
    }
  }

  /** Counts the compressed bytes that the decompressor has taken. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
