package org.cellarena.harness.dataset;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COCO annotations parked in a temporary file in the order they come, each record pointing back to the previous
 * one of the same image: memory holds a chain head per image, and one image's annotations are read back without
 * the others. Records: length, previous record's offset (-1 for none), annotation id, category key, segmentation.
 * The file is deleted on {@link #close}.
 */
final class AnnotationSpill implements Closeable {
  /** One annotation; {@code categoryKey} null when it names none. */
  record Annotation(String id, String categoryKey, CocoSegmentation segmentation) {}

  private static final class Chain {
    final String firstAnnotationId;
    long last = -1;
    int count;

    Chain(String firstAnnotationId) {
      this.firstAnnotationId = firstAnnotationId;
    }
  }

  private final Path file;
  private final Map<String, Chain> chains = new LinkedHashMap<>();
  private final ByteArrayOutputStream record = new ByteArrayOutputStream();
  private final DataOutputStream recordData = new DataOutputStream(record);
  private DataOutputStream out;
  private FileChannel in;
  private long position;

  AnnotationSpill(Path dir) throws IOException {
    file = Files.createTempFile(dir, ".import-coco-", ".spill");
    file.toFile().deleteOnExit(); // also after Ctrl-C
    out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  void add(String imageKey, Annotation annotation) throws IOException {
    Chain chain = chains.computeIfAbsent(imageKey, k -> new Chain(annotation.id()));
    record.reset();
    recordData.writeLong(chain.last);
    writeString(recordData, annotation.id());
    writeString(recordData, annotation.categoryKey() == null ? "" : annotation.categoryKey());
    annotation.segmentation().write(recordData);
    out.writeInt(record.size());
    record.writeTo(out);
    chain.last = position;
    chain.count++;
    position += Integer.BYTES + record.size();
  }

  /** The image keys annotations named, in the order first named. */
  Iterable<String> imageKeys() {
    return chains.keySet();
  }

  /** The first annotation naming an image (for messages), or null. */
  String firstAnnotationOf(String imageKey) {
    Chain chain = chains.get(imageKey);
    return chain == null ? null : chain.firstAnnotationId;
  }

  /** The image's annotations in the order they came; writing is over once reading starts. */
  List<Annotation> annotationsOf(String imageKey) throws IOException {
    Chain chain = chains.get(imageKey);
    if (chain == null) {
      return List.of();
    }
    if (in == null) {
      out.close();
      out = null;
      in = FileChannel.open(file, StandardOpenOption.READ);
    }
    Annotation[] annotations = new Annotation[chain.count];
    long at = chain.last;
    for (int i = chain.count - 1; i >= 0; i--) {
      int length = read(at, Integer.BYTES).getInt();
      DataInputStream body = new DataInputStream(new ByteArrayInputStream(read(at + Integer.BYTES, length).array()));
      at = body.readLong();
      String id = readString(body);
      String category = readString(body);
      annotations[i] = new Annotation(id, category.isEmpty() ? null : category, CocoSegmentation.read(body));
    }
    return Arrays.asList(annotations);
  }

  private ByteBuffer read(long at, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, at + buffer.position()) < 0) {
        throw new EOFException("spill file " + file + " ends early");
      }
    }
    return buffer.flip();
  }

  @Override
  public void close() throws IOException {
    try (Closeable writing = out; Closeable reading = in) {
      // both closed, then the file goes
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Length-prefixed UTF-8 (ids and compressed RLE may exceed DataOutput.writeUTF's 64 KB). */
  static void writeString(DataOutput out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
