package org.cellarena.model.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PyTorch state dict saved as {@code .npz} (numpy) or {@code .safetensors}, read with DJL's {@link NDList#decode}
 * (which tells the two apart by their first bytes): tensors by key.
 */
public final class StateDict implements AutoCloseable {
  /** safetensors dtypes DJL's PyTorch engine cannot hold (it aborts the JVM on them). */
  private static final Set<String> UNSUPPORTED = Set.of("BF16", "I16", "U16", "F8_E4M3", "F8_E5M2");

  private final NDList list;
  private final Map<String, NDArray> byKey = new LinkedHashMap<>();

  private StateDict(NDList list) {
    this.list = list;
    for (NDArray a : list) {
      byKey.put(a.getName(), a);
    }
  }

  public static StateDict read(Path file, NDManager manager) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("pretrained weights not found: " + file);
    }
    String name = file.getFileName().toString();
    if (name.endsWith(".safetensors")) {
      refuseUnsupportedTypes(file);
    } else if (!name.endsWith(".npz")) {
      throw new IllegalArgumentException("pretrained weights " + file + ": expected a .npz or .safetensors state dict"
          + (name.endsWith(".pth") || name.endsWith(".pt") ? " (a .pth is pickled Python: convert it as model/README.md"
          + " shows)" : ""));
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return new StateDict(NDList.decode(manager, in));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("pretrained weights " + file + " could not be read: " + e.getMessage(), e);
    }
  }

  /** The keys in file order. */
  public List<String> keys() {
    return List.copyOf(byKey.keySet());
  }

  public NDArray get(String key) {
    return byKey.get(key);
  }

  private static void refuseUnsupportedTypes(Path file) throws IOException {
    for (Map.Entry<String, JsonElement> e : safetensorsHeaderOf(file).entrySet()) {
      if (e.getValue().isJsonObject() && e.getValue().getAsJsonObject().has("dtype")) {
        String dtype = e.getValue().getAsJsonObject().get("dtype").getAsString();
        if (UNSUPPORTED.contains(dtype)) {
          throw new IllegalArgumentException("pretrained weights " + file + ": tensor " + e.getKey() + " is "
              + dtype + "; save float32 tensors (.float() before saving, see model/README.md)");
        }
      }
    }
  }

  /** The JSON header of a safetensors file, read within bounds. */
  static JsonObject safetensorsHeaderOf(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] size = in.readNBytes(8);
      long n = size.length == 8 ? ByteBuffer.wrap(size).order(ByteOrder.LITTLE_ENDIAN).getLong() : -1;
      if (n <= 0 || n > Math.min(Files.size(file) - 8, 100_000_000L)) {
        throw new IllegalArgumentException("pretrained weights " + file + " is not a safetensors file (header size "
            + n + ")");
      }
      try {
        return JsonParser.parseString(new String(in.readNBytes((int) n), StandardCharsets.UTF_8)).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("pretrained weights " + file + " is not a safetensors file (its header"
            + " is not a JSON object)");
      }
    }
  }

  @Override
  public void close() {
    list.close();
  }
}
