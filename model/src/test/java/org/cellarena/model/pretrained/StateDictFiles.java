package org.cellarena.model.pretrained;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a key list as the files a user makes from a {@code .pth} (model/README.md): {@code numpy.savez} (a zip of
 * {@code KEY.npy}, format 1.0, little-endian float32, int64 for {@code num_batches_tracked}) and safetensors
 * ({@code safetensors.torch.save_file}: an 8-byte little-endian header size, a JSON header padded with spaces,
 * the raw data). Each tensor holds distinct random values drawn from its own seed, so {@link #values} gives them
 * again without keeping 47 M floats around.
 */
final class StateDictFiles {
  private StateDictFiles() {}

  static float[] values(KeyList.Entry e) {
    Random r = new Random(1_000_003L * (e.index() + 1));
    float[] v = new float[(int) e.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextFloat() * 2 - 1;
    }
    return v;
  }

  static void writeNpz(KeyList list, Path file) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
      for (KeyList.Entry e : list.entries()) {
        String shape = e.shape().length == 1 ? "(" + e.shape()[0] + ",)"
            : Arrays.stream(e.shape()).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
        String header = "{'descr': '" + (e.isCounter() ? "<i8" : "<f4") + "', 'fortran_order': False, 'shape': "
            + shape + ", }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
            .putShort((short) header.length());
        npy.write(head.array());
        npy.write(header.getBytes(StandardCharsets.US_ASCII));
        writeData(e, npy);
        byte[] bytes = npy.toByteArray();
        ZipEntry entry = new ZipEntry(e.key() + ".npy"); // numpy.savez stores its entries uncompressed
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
      }
    }
  }

  static void writeSafetensors(KeyList list, Path file) throws IOException {
    StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
    long offset = 0;
    for (KeyList.Entry e : list.entries()) {
      long bytes = e.size() * (e.isCounter() ? 8 : 4);
      json.append(",\"").append(e.key()).append("\":{\"dtype\":\"").append(e.isCounter() ? "I64" : "F32")
          .append("\",\"shape\":").append(Arrays.toString(e.shape()).replace(" ", ""))
          .append(",\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
      offset += bytes;
    }
    json.append('}');
    while (json.length() % 8 != 0) {
      json.append(' ');
    }
    byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
      out.write(header);
      for (KeyList.Entry e : list.entries()) {
        writeData(e, out);
      }
    }
  }

  private static void writeData(KeyList.Entry e, OutputStream out) throws IOException {
    if (e.isCounter()) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(12345L).array());
      return;
    }
    float[] v = values(e);
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    out.write(b.array());
  }
}
