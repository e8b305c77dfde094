package org.cellarena.model.rcnn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cellarena.model.pretrained.ModelParameters;
import org.cellarena.model.pretrained.WeightsException;

/**
 * A {@code .params} file of the model's weights, as DJL's {@code Block.saveParameters} writes them: per block a
 * version byte and its metadata, then per parameter {@code 'P'}, a version byte, its name and the encoded array.
 * Read strictly and within bounds: every tensor of the model, in order, each of its exact shape and type, nothing
 * after the last one; the block metadata between tensors is skipped (the model is built from its config). No
 * allocation is larger than the model's own tensors, whatever the file claims; a file that does not fit fails
 * with a {@link WeightsException} naming the tensor, where DJL would load a wrong shape or read past a misaligned
 * header.
 */
public final class ParamsFile {
  /** Block metadata (version byte, input shapes) between two tensor records is a few hundred bytes at most. */
  private static final int MAX_GAP = 1 << 16;
  private static final byte[] ARRAY_MAGIC = {0, 4, 'N', 'D', 'A', 'R'};

  private ParamsFile() {}

  /** Loads parameters into an initialised model, re-attaching gradients to the trainable ones. */
  public static void load(MaskRcnn model, Path params, NDManager manager) throws IOException {
    Map<String, Parameter> expected = ModelParameters.of(model);
    try (InputStream is = new BufferedInputStream(Files.newInputStream(params), 1 << 16);
        DataInputStream in = new DataInputStream(is)) {
      int done = 0;
      for (Map.Entry<String, Parameter> p : expected.entrySet()) {
        String found = skipToRecord(in, p.getValue().getName());
        if (found == null) {
          throw new WeightsException("the weights file ends after " + done + " of the model's " + expected.size()
              + " tensors: " + p.getKey() + " " + p.getValue().getArray().getShape() + " and those after it are"
              + " missing");
        }
        if (!found.equals(p.getValue().getName())) {
          throw new WeightsException("tensor " + p.getKey() + " " + p.getValue().getArray().getShape() + " is"
              + " missing: the weights file has a tensor named '" + found + "' in its place");
        }
        readArray(in, p.getKey(), p.getValue());
        done++;
      }
      refuseTrailingTensor(in);
    } catch (EOFException e) {
      throw new WeightsException("the weights file is truncated (it ends inside a tensor)");
    }
    for (Parameter p : model.getParameters().values()) {
      if (p.requiresGradient()) {
        p.getArray().setRequiresGradient(true);
      }
    }
  }

  /**
   * Skips block metadata up to the next parameter record and reads its header; returns the record's name, or null
   * at the end of the file. The name is read from the first record that starts within {@link #MAX_GAP} bytes.
   */
  private static String skipToRecord(DataInputStream in, String name) throws IOException {
    byte[] window = new byte[5];
    int filled = 0;
    for (int skipped = 0; skipped <= MAX_GAP; skipped++) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      System.arraycopy(window, 1, window, 0, 4);
      window[4] = (byte) b;
      filled = Math.min(filled + 1, 5);
      if (filled == 5 && window[0] == 0 && window[1] == 'P' && window[2] == 1) {
        int length = ((window[3] & 0xff) << 8) | (window[4] & 0xff);
        String found = readName(in, length);
        if (found != null) {
          return found;
        }
      }
    }
    throw new WeightsException("tensor " + name + " is missing: no tensor record in the " + MAX_GAP
        + " bytes where it was expected");
  }

  /** A record's name when it is followed by an array header, else null (metadata that only looked like one). */
  private static String readName(DataInputStream in, int length) throws IOException {
    if (length == 0 || length > 200) {
      return null;
    }
    in.mark(length + ARRAY_MAGIC.length);
    byte[] bytes = in.readNBytes(length + ARRAY_MAGIC.length);
    for (int i = 0; i < ARRAY_MAGIC.length; i++) {
      if (bytes.length < length + ARRAY_MAGIC.length || bytes[length + i] != ARRAY_MAGIC[i]) {
        in.reset();
        return null;
      }
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /**
   * An array after its magic, as DJL's encodings 1 to 3 have it: version, (2+) a name flag and the name, sparse
   * format, type, shape, (3) byte order, byte length and data.
   */
  private static void readArray(DataInputStream in, String path, Parameter p) throws IOException {
    Shape ours = p.getArray().getShape();
    int version = in.readInt();
    if (version < 1 || version > 3) {
      throw new WeightsException("tensor " + path + " has an array encoding (" + version + ") that DJL does not"
          + " write");
    }
    if (version > 1 && in.readByte() == 1) {
      readShortText(in, path);
    }
    readShortText(in, path);
    String type = readShortText(in, path);
    Shape found = readShape(in, path, ours);
    if (!found.equals(ours)) {
      throw new WeightsException("tensor " + path + " has shape " + found + " in the weights file, the model's"
          + " config makes it " + ours);
    }
    if (!type.equals(DataType.FLOAT32.name())) {
      throw new WeightsException("tensor " + path + " is " + type + " in the weights file, the model holds FLOAT32");
    }
    ByteOrder order = version < 3 ? ByteOrder.nativeOrder()
        : in.readByte() == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    long bytes = ours.size() * Float.BYTES;
    int length = in.readInt();
    if (length != bytes) {
      throw new WeightsException("tensor " + path + " " + ours + " declares " + length + " bytes of data, its"
          + " shape needs " + bytes);
    }
    byte[] data = new byte[length];
    in.readFully(data);
    float[] values = new float[(int) ours.size()];
    ByteBuffer.wrap(data).order(order).asFloatBuffer().get(values);
    p.getArray().set(values);
  }

  private static String readShortText(DataInputStream in, String path) throws IOException {
    int length = in.readUnsignedShort();
    if (length > 64) {
      throw new WeightsException("tensor " + path + " has a malformed array header");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** A shape of at most 8 dimensions (DJL's encoding: count, sizes, layout characters). */
  private static Shape readShape(DataInputStream in, String path, Shape ours) throws IOException {
    int dims = in.readInt();
    if (dims < 0 || dims > 8) {
      throw new WeightsException("tensor " + path + " claims " + dims + " dimensions in the weights file, the"
          + " model's config makes it " + ours);
    }
    long[] sizes = new long[dims];
    for (int i = 0; i < dims; i++) {
      sizes[i] = in.readLong();
    }
    int layout = in.readInt();
    if (layout < 0 || layout > 8) {
      throw new WeightsException("tensor " + path + " has a malformed shape in the weights file");
    }
    in.skipNBytes(2L * layout);
    return new Shape(sizes);
  }

  /** After the last tensor only block metadata may follow: no further tensor record. */
  private static void refuseTrailingTensor(DataInputStream in) throws IOException {
    byte[] rest = in.readNBytes(MAX_GAP + 1);
    String name = rest.length > MAX_GAP ? "" : skipToRecord(new DataInputStream(new ByteArrayInputStream(rest)), "");
    if (name != null) {
      throw new WeightsException("the weights file holds " + (name.isEmpty() ? "more tensors" : "a tensor named '"
          + name + "'") + " after the model's last tensor: it was saved from a larger model than its config builds");
    }
  }
}
