package org.cellarena.model.archive;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.pretrained.MaskRcnnNames;
import org.cellarena.model.pretrained.ModelParameters;
import org.cellarena.model.pretrained.Source;
import org.cellarena.model.rcnn.MaskRcnn;

/**
 * The files of an untrained tiny_cpu model: its weights as DJL saves them ({@code .params}) and as an mmdet 2.x
 * whole-model state dict would hold them (key and shape per tensor, for a safetensors file), with its config.
 */
final class TinyModelFiles {
  static final Path TINY = Path.of(System.getProperty("user.dir")).getParent().resolve("configs/tiny_cpu.json");

  private TinyModelFiles() {}

  /** Writes {@code dir/NAME.params} (a fresh tiny model) and {@code dir/config.json}; returns the params file. */
  static Path params(Path dir, String name, List<String> overrides) throws IOException {
    Files.createDirectories(dir);
    writeConfig(dir, overrides);
    Path params = dir.resolve(name + ".params");
    try (NDManager manager = NDManager.newBaseManager();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(params)))) {
      MaskRcnn model = model(manager, overrides);
      model.saveParameters(out);
    }
    return params;
  }

  static void writeConfig(Path dir, List<String> overrides) throws IOException {
    Files.writeString(dir.resolve("config.json"), ConfigLoader.load(TINY, overrides).json().toString());
  }

  /** The mmdet 2.x key and source shape of every tensor of the tiny model, in model order. */
  static Map<String, long[]> mmdetKeys() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, long[]> keys = new LinkedHashMap<>();
      MaskRcnnNames names = new MaskRcnnNames(2);
      for (Map.Entry<String, Parameter> p : ModelParameters.of(model(manager, List.of())).entrySet()) {
        Source s = names.source(p.getKey()).orElseThrow();
        Shape shape = s.layout().sourceShape(p.getValue().getArray().getShape());
        keys.put(s.key(), shape.getShape());
      }
      return keys;
    }
  }

  /** A safetensors file of float32 tensors with these keys and shapes, each filled with a small constant. */
  static void writeSafetensors(Map<String, long[]> tensors, Path file) throws IOException {
    StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
    long offset = 0;
    for (Map.Entry<String, long[]> e : tensors.entrySet()) {
      long bytes = 4 * Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
      json.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":")
          .append(Arrays.toString(e.getValue()).replace(" ", "")).append(",\"data_offsets\":[").append(offset)
          .append(',').append(offset + bytes).append("]}");
      offset += bytes;
    }
    json.append('}');
    byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
      out.write(header);
      ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.01f);
      for (long i = 0; i < offset / 4; i++) {
        out.write(value.array());
      }
    }
  }

  private static MaskRcnn model(NDManager manager, List<String> overrides) {
    MaskRcnn model = new MaskRcnn(ConfigLoader.load(TINY, overrides).model());
    model.initializeParameters(manager);
    return model;
  }
}
