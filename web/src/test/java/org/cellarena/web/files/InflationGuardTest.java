package org.cellarena.web.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.cellarena.web.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gzip bomb, one member or many, is refused after a bounded read of its compressed bytes. */
class InflationGuardTest {
  private static final long LIMIT = 4096L << 20;
  private static final int RATIO = 100;
  /** The most compressed bytes a refused bomb may cost: the free output at the bomb's ratio, and a buffer. */
  private static final long MOST_READ = 256 << 10;

  @TempDir Path dataDir;

  @Test
  void aSingleMemberBombIsRefusedAfterAFewKilobytes() throws IOException {
    Counted upload = new Counted(new ByteArrayInputStream(members(1, 64 << 20)));
    Refusal r = assertThrows(Refusal.class, () -> files().stage("c", upload));
    assertEquals(Refusal.Reason.TOO_LARGE, r.reason());
    assertTrue(r.getMessage().contains("100 times its size"), r.getMessage());
    assertTrue(upload.read <= MOST_READ, upload.read + " compressed bytes read");
  }

  @Test
  void aManyMemberBombIsRefusedAcrossItsMembers() throws IOException {
    byte[] bomb = members(4096, 1 << 20); // 4 MB inflating to 4 GB, each member alone under the free output
    Counted upload = new Counted(new ByteArrayInputStream(bomb));
    Refusal r = assertThrows(Refusal.class, () -> files().stage("c", upload));
    assertEquals(Refusal.Reason.TOO_LARGE, r.reason());
    assertTrue(upload.read <= MOST_READ && upload.read < bomb.length, upload.read + " compressed bytes read");
  }

  @Test
  void aWellCompressedSmallFileIsAccepted() throws IOException {
    StagedUpload staged = files().stage("c", new ByteArrayInputStream(members(1, 4 << 20)));
    assertTrue(Files.exists(staged.file()));
  }

  @Test
  void theSizeLimitHoldsForPlainFiles() {
    SubmissionFiles small = new SubmissionFiles(dataDir, 1000, RATIO, new DiskSpace(dataDir, 0));
    Refusal r = assertThrows(Refusal.class, () -> small.stage("c", new ByteArrayInputStream(new byte[1001])));
    assertEquals(Refusal.Reason.TOO_LARGE, r.reason());
  }

  @Test
  void aFullDiskIs507() {
    SubmissionFiles full = new SubmissionFiles(dataDir, LIMIT, RATIO, new DiskSpace(dataDir, Long.MAX_VALUE));
    Refusal r = assertThrows(Refusal.class, () -> full.space().check());
    assertEquals(Refusal.Reason.NO_SPACE, r.reason());
    assertTrue(r.getMessage().contains("disk is nearly full"), r.getMessage());
  }

  private SubmissionFiles files() {
    return new SubmissionFiles(dataDir, LIMIT, RATIO, new DiskSpace(dataDir, 0));
  }

  /** {@code count} gzip members, each of {@code size} '0' bytes, one after another. */
  private static byte[] members(int count, int size) throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(member, 1 << 16)) {
      byte[] zeros = new byte[1 << 16];
      java.util.Arrays.fill(zeros, (byte) '0');
      for (int written = 0; written < size; written += zeros.length) {
        gz.write(zeros);
      }
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      member.writeTo(all);
    }
    return all.toByteArray();
  }

  /** Counts the bytes the server took from the upload. */
  private static final class Counted extends FilterInputStream {
    long read;

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      read += b >= 0 ? 1 : 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      read += Math.max(0, n);
      return n;
    }
  }
}
