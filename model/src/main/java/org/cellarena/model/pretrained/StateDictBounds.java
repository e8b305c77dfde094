package org.cellarena.model.pretrained;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks a state dict's headers against its size before anything is decoded, so that a hostile file (a header
 * claiming huge shapes, offsets past the end or overlapping, a zip of many entries) costs no more memory than its
 * size: every tensor's bytes must be what its type and shape need, lie inside the file and be its own.
 */
public final class StateDictBounds {
  private static final Map<String, Integer> SAFETENSORS_BYTES = Map.of("F64", 8, "F32", 4, "F16", 2, "I64", 8,
      "I32", 4, "I8", 1, "U8", 1, "BOOL", 1);
  private static final Pattern NPY_DESCR = Pattern.compile("'descr':\\s*'[<>|=]?([fiub])(\\d+)'");
  private static final Pattern NPY_SHAPE = Pattern.compile("'shape':\\s*\\(([\\d,\\s]*)\\)");
  private static final int MAX_TENSORS = 10_000;
  private static final int MAX_DIMS = 8;

  private StateDictBounds() {}

  /** Refuses a {@code .safetensors} or {@code .npz} whose headers do not fit its size. */
  public static void check(Path file) throws IOException {
    if (file.getFileName().toString().endsWith(".npz")) {
      checkNpz(file);
    } else {
      checkSafetensors(file);
    }
  }

  private static void checkSafetensors(Path file) throws IOException {
    JsonObject header;
    try {
      header = StateDict.safetensorsHeaderOf(file);
    } catch (IllegalArgumentException e) {
      throw new WeightsException("the weights file is not a safetensors file: its header is missing or malformed");
    }
    long data = Files.size(file) - 8 - headerLength(file);
    if (header.size() > MAX_TENSORS) {
      throw new WeightsException("the weights file lists " + header.size() + " tensors, more than " + MAX_TENSORS);
    }
    List<Range> ranges = new ArrayList<>();
    for (Map.Entry<String, JsonElement> e : header.entrySet()) {
      if (!e.getKey().equals("__metadata__")) {
        ranges.add(checkSafetensorsEntry(e.getKey(), e.getValue(), data));
      }
    }
    refuseOverlaps(ranges);
  }

  /** The bytes {@code start} to {@code end} of the data that tensor {@code key} claims. */
  private record Range(String key, long start, long end) {}

  /**
   * Tensors sharing bytes would make decoding allocate more than the file holds, up to once per tensor. An empty
   * tensor claims no bytes, wherever its offsets point.
   */
  private static void refuseOverlaps(List<Range> ranges) throws WeightsException {
    ranges.removeIf(r -> r.start() == r.end());
    ranges.sort(Comparator.comparingLong(Range::start));
    for (int i = 1; i < ranges.size(); i++) {
      Range before = ranges.get(i - 1);
      Range r = ranges.get(i);
      if (r.start() < before.end()) {
        throw new WeightsException("tensors " + before.key() + " (bytes " + before.start() + " to " + before.end()
            + ") and " + r.key() + " (bytes " + r.start() + " to " + r.end() + ") overlap: each tensor needs bytes"
            + " of its own; the file is malformed");
      }
    }
  }

  private static Range checkSafetensorsEntry(String key, JsonElement value, long data) throws WeightsException {
    try {
      JsonObject t = value.getAsJsonObject();
      Integer size = SAFETENSORS_BYTES.get(t.get("dtype").getAsString());
      JsonArray offsets = t.getAsJsonArray("data_offsets");
      long start = offsets.get(0).getAsLong();
      long end = offsets.get(1).getAsLong();
      long need = elements(t.getAsJsonArray("shape"), key);
      if (size == null) {
        throw new WeightsException("tensor " + key + " has type " + t.get("dtype").getAsString()
            + "; save float32 tensors");
      }
      if (start < 0 || end < start || end > data || end - start != need * size) {
        throw new WeightsException("tensor " + key + " claims bytes " + start + " to " + end + " for shape "
            + t.getAsJsonArray("shape") + ", which do not fit the file's " + data + " bytes of data: the file is"
            + " truncated or malformed");
      }
      return new Range(key, start, end);
    } catch (RuntimeException e) {
      throw new WeightsException("tensor " + key + " has a malformed entry in the safetensors header");
    }
  }

  private static long elements(JsonArray shape, String key) throws WeightsException {
    if (shape.size() > MAX_DIMS) {
      throw new WeightsException("tensor " + key + " claims " + shape.size() + " dimensions");
    }
    long n = 1;
    for (JsonElement d : shape) {
      long v = d.getAsLong();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new WeightsException("tensor " + key + " claims a dimension of " + v);
      }
      n = Math.multiplyExact(n, v);
    }
    return n;
  }

  private static long headerLength(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
  }

  /**
   * numpy's savez: a zip of {@code KEY.npy}, each a small header and its data. Read as the decoder reads it, entry
   * by entry from the local headers (the central directory may say otherwise), counting the bytes each entry
   * inflates to: nothing may inflate past twice the file.
   */
  private static void checkNpz(Path file) throws IOException {
    long budget = 2 * Files.size(file) + (1 << 20);
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (++entries > MAX_TENSORS) {
          throw new WeightsException("the weights file holds more than " + MAX_TENSORS + " entries");
        }
        if (!e.getName().endsWith(".npy")) {
          throw new WeightsException("the weights file is not a numpy .npz of tensors: entry " + e.getName()
              + " is not a .npy");
        }
        byte[] head = zip.readNBytes(4096);
        long size = head.length + skipAtMost(zip, budget - head.length);
        budget -= size;
        if (budget < 0) {
          throw new WeightsException("the weights file is not a numpy .npz of tensors: entry " + e.getName()
              + " inflates past the file's size");
        }
        checkNpy(e.getName().replaceFirst("\\.npy$", ""), head, size);
      }
    } catch (ZipException | EOFException e) {
      throw new WeightsException("the weights file is not a readable .npz (zip) file");
    }
    if (entries == 0) {
      throw new WeightsException("the weights file is not a readable .npz (zip) file");
    }
  }

  /** Skips the rest of the entry, or {@code max + 1} bytes of it when it is longer: the bytes skipped. */
  private static long skipAtMost(InputStream in, long max) throws IOException {
    long skipped = 0;
    byte[] buffer = new byte[1 << 16];
    while (skipped <= max) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - skipped));
      if (n <= 0) {
        return skipped;
      }
      skipped += n;
    }
    return skipped;
  }

  private static void checkNpy(String key, byte[] head, long entrySize) throws WeightsException {
    if (head.length < 10 || (head[0] & 0xff) != 0x93 || head[1] != 'N' || head[6] != 1) {
      throw new WeightsException("tensor " + key + " is not a numpy 1.0 array");
    }
    int headerLength = ByteBuffer.wrap(head, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
    String header = new String(head, 10, Math.min(headerLength, head.length - 10), StandardCharsets.US_ASCII);
    Matcher descr = NPY_DESCR.matcher(header);
    Matcher shape = NPY_SHAPE.matcher(header);
    if (!descr.find() || !shape.find()) {
      throw new WeightsException("tensor " + key + " has a malformed numpy header");
    }
    JsonArray dims = new JsonArray();
    for (String d : shape.group(1).split(",")) {
      if (!d.isBlank()) {
        dims.add(Long.parseLong(d.trim()));
      }
    }
    long need = Math.multiplyExact(elements(dims, key), Long.parseLong(descr.group(2)));
    if (10 + headerLength + need != entrySize) {
      throw new WeightsException("tensor " + key + " claims shape " + dims + " (" + need + " bytes), which does not"
          + " fit its " + entrySize + " bytes in the file: the file is truncated or malformed");
    }
  }
}
