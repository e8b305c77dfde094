package org.cellarena.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.model.MaskRcnn;

/**
 * Imports pretrained ResNeSt backbone weights from an {@code .npz} or {@code .safetensors} state dict with the
 * names of mmdet ({@code backbone.stem.0.weight}, {@code backbone.layer1.0.conv2.bn0.running_mean}, ...) or of
 * zhanghang1989/torchvision-style ResNeSt ({@code conv1.0.weight}, {@code bn1.weight}, {@code layer1.0...}); an
 * optional {@code backbone.} prefix is accepted. Shapes must match; unmatched backbone parameters are reported.
 */
public final class PretrainedImporter {
  private PretrainedImporter() {}

  /** Copies matching tensors into the model's backbone; returns how many were imported. */
  public static int load(MaskRcnn model, Path file, NDManager manager) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("pretrained weights not found: " + file);
    }
    Map<String, NDArray> byName = new HashMap<>();
    NDList list;
    try (InputStream is = Files.newInputStream(file)) {
      list = NDList.decode(manager, is);
    }
    for (NDArray a : list) {
      String n = a.getName();
      byName.put(n.startsWith("backbone.") ? n.substring("backbone.".length()) : n, a);
    }
    int imported = 0;
    StringBuilder missing = new StringBuilder();
    for (Pair<String, Parameter> p : model.getParameters()) {
      String mine = p.getKey();
      if (!mine.startsWith("01backbone_")) {
        continue;
      }
      NDArray src = null;
      for (String candidate : candidates(mine)) {
        src = byName.get(candidate);
        if (src != null) {
          break;
        }
      }
      NDArray dst = p.getValue().getArray();
      if (src == null || src.getShape().size() != dst.getShape().size()) {
        missing.append(missing.length() == 0 ? "" : ", ").append(mine);
        continue;
      }
      NDArray v = src.toType(dst.getDataType(), false).reshape(dst.getShape());
      dst.set(v.toFloatArray());
      imported++;
    }
    list.close();
    if (missing.length() > 0) {
      throw new IllegalArgumentException("pretrained weights " + file + " lack (or mis-shape) " + missing);
    }
    return imported;
  }

  /** Source names tried for one of this model's parameter keys. */
  static List<String> candidates(String key) {
    String[] parts = key.replaceAll("(^|_)\\d\\d", "$1").split("_");
    // parts: backbone, stem|layerS_B..., ..., param
    String param = parts[parts.length - 1];
    String torchParam = switch (param) {
      case "gamma" -> "weight";
      case "beta" -> "bias";
      case "runningMean" -> "running_mean";
      case "runningVar" -> "running_var";
      default -> param;
    };
    String path = String.join(".", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
    if (path.startsWith("stem.")) {
      String[] s = path.split("\\.");
      int conv = Integer.parseInt(s[1].substring(4));
      boolean norm = s[2].equals("norm");
      int mm = (conv - 1) * 3 + (norm ? 1 : 0);
      String mmdet = "stem." + mm + "." + torchParam;
      String tv = conv == 3 && norm ? "bn1." + torchParam : "conv1." + mm + "." + torchParam;
      return List.of(mmdet, tv);
    }
    // layerSbB.<module> with module conv1|conv2|conv3|downsample
    String[] s = path.split("\\.");
    String layer = s[0].replace('b', '.');
    String rest = String.join(".", java.util.Arrays.copyOfRange(s, 1, s.length));
    String mapped = switch (rest) {
      case "conv1.conv" -> "conv1";
      case "conv1.norm" -> "bn1";
      case "conv2.conv.conv" -> "conv2.conv";
      case "conv2.conv.norm" -> "conv2.bn0";
      case "conv2.fc1" -> "conv2.fc1";
      case "conv2.norm1" -> "conv2.bn1";
      case "conv2.fc2" -> "conv2.fc2";
      case "conv3.conv" -> "conv3";
      case "conv3.norm" -> "bn3";
      case "downsample.conv" -> "downsample.1";
      case "downsample.norm" -> "downsample.2";
      default -> rest;
    };
    return List.of(layer + "." + mapped + "." + torchParam);
  }
}
