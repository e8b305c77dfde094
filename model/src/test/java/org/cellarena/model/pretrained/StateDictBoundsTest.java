package org.cellarena.model.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State dicts have their headers checked against their sizes before anything is decoded: a well-formed npz
 * passes; a header claiming a huge shape, an entry that is not a {@code .npy}, an entry the zip's directory hides
 * that inflates far past the file, a file that is not a zip, and safetensors tensors sharing bytes are refused in
 * one sentence. (More of the safetensors side: {@code ModelCheckTest}.)
 */
class StateDictBoundsTest {
  private static final KeyList SMALL = new KeyList("small", List.of(
      new KeyList.Entry(0, "backbone.stem.0.weight", new long[] {8, 3, 3, 3}),
      new KeyList.Entry(1, "backbone.stem.1.num_batches_tracked", new long[0])));

  @Test
  void aWellFormedNpzPasses(@TempDir Path tmp) throws Exception {
    Path npz = tmp.resolve("model.npz");
    StateDictFiles.writeNpz(SMALL, npz);
    StateDictBounds.check(npz);
  }

  @Test
  void refusesAHeaderClaimingAHugeShape(@TempDir Path tmp) throws Exception {
    Path npz = tmp.resolve("model.npz");
    String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100), }";
    byte[] npy = npy(header, new byte[16]);
    try (OutputStream out = Files.newOutputStream(npz); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("backbone.stem.0.weight.npy"));
      zip.write(npy);
      zip.closeEntry();
    }
    WeightsException e = assertThrows(WeightsException.class, () -> StateDictBounds.check(npz));
    assertEquals("tensor backbone.stem.0.weight claims shape [100000,100000,100] (4000000000000 bytes), which does"
        + " not fit its " + npy.length + " bytes in the file: the file is truncated or malformed", e.getMessage());
  }

  @Test
  void refusesAnEntryThatIsNotAnArrayAndAFileThatIsNotAZip(@TempDir Path tmp) throws Exception {
    Path npz = tmp.resolve("model.npz");
    try (OutputStream out = Files.newOutputStream(npz); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("../evil.sh"));
      zip.write("echo".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    assertEquals("the weights file is not a numpy .npz of tensors: entry ../evil.sh is not a .npy",
        assertThrows(WeightsException.class, () -> StateDictBounds.check(npz)).getMessage());
    Files.writeString(npz, "not a zip");
    assertEquals("the weights file is not a readable .npz (zip) file",
        assertThrows(WeightsException.class, () -> StateDictBounds.check(npz)).getMessage());
  }

  @Test
  void refusesAnEntryInflatingPastTheFileThatTheZipDirectoryHides(@TempDir Path tmp) throws Exception {
    byte[] bomb = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (5000000,), }", new byte[20_000_000]);
    ByteArrayOutputStream hidden = new ByteArrayOutputStream();
    int localBytes;
    try (ZipOutputStream zip = new ZipOutputStream(hidden)) {
      zip.putNextEntry(new ZipEntry("backbone.stem.0.weight.npy"));
      zip.write(bomb);
      zip.closeEntry();
      zip.flush();
      localBytes = hidden.size();
    }
    Path npz = tmp.resolve("model.npz");
    StateDictFiles.writeNpz(SMALL, npz);
    byte[] listed = Files.readAllBytes(npz);
    try (OutputStream out = Files.newOutputStream(npz)) {
      out.write(hidden.toByteArray(), 0, localBytes);
      out.write(listed);
    }
    assertEquals("the weights file is not a numpy .npz of tensors: entry backbone.stem.0.weight.npy inflates past"
        + " the file's size", assertThrows(WeightsException.class, () -> StateDictBounds.check(npz)).getMessage());
  }

  @Test
  void refusesSafetensorsWhoseTensorsShareBytes(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("model.safetensors");
    StringBuilder header = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      header.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[16],"
          + "\"data_offsets\":[0,64]}");
    }
    byte[] json = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
      out.write(json);
      out.write(new byte[64]);
    }
    String m = assertThrows(WeightsException.class, () -> StateDictBounds.check(file)).getMessage();
    assertTrue(m.matches("tensors t\\d+ \\(bytes 0 to 64\\) and t\\d+ \\(bytes 0 to 64\\) overlap: each tensor needs"
        + " bytes of its own; the file is malformed"), m);
  }

  private static byte[] npy(String header, byte[] data) {
    String padded = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
    byte[] out = new byte[10 + padded.length() + data.length];
    out[0] = (byte) 0x93;
    System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
    out[6] = 1;
    out[8] = (byte) padded.length();
    out[9] = (byte) (padded.length() >> 8);
    System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, out, 10, padded.length());
    System.arraycopy(data, 0, out, 10 + padded.length(), data.length);
    return out;
  }
}
