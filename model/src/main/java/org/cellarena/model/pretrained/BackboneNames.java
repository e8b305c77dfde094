package org.cellarena.model.pretrained;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ResNeSt-50 backbone keys as timm's {@code resnest50d} and mmdet's {@code ResNeSt} (open-mmlab://resnest50) name
 * them; see the lists under {@code model/src/test/resources/pretrained/}. They differ in the deep stem
 * ({@code conv1.0 .1 .3 .4 .6} + {@code bn1} against {@code stem.0 .1 .3 .4 .6 .7}) and in the shortcut of the
 * unstrided layer1: timm keeps an Identity where the average pool would be ({@code downsample.1/.2} everywhere);
 * mmdet 2.x's {@code ResLayer} has no pool there ({@code layer1.0.downsample.0/.1}, {@code layerN.0.downsample.1/.2}
 * for N > 1: {@code avg_down and stride != 1}), mmdet 3.x's adds a stride-1 one ({@code if avg_down:}), so its
 * layer1 keys are {@code downsample.1/.2} like the others.
 */
public final class BackboneNames implements SourceNaming {
  private static final Pattern STEM = Pattern.compile("stem\\.conv([123])\\.(conv|norm)\\.(\\w+)");
  private static final Pattern BLOCK = Pattern.compile("layer(\\d)b(\\d+)\\.(.+)\\.(\\w+)");
  private static final Map<String, String> BLOCK_MODULES = Map.of(
      "conv1.conv", "conv1", "conv1.norm", "bn1",
      "conv2.conv.conv", "conv2.conv", "conv2.conv.norm", "conv2.bn0",
      "conv2.fc1", "conv2.fc1", "conv2.norm1", "conv2.bn1", "conv2.fc2", "conv2.fc2",
      "conv3.conv", "conv3", "conv3.norm", "bn3");

  private final boolean timm;
  private final int mmdetVersion;
  private final String prefix;

  private BackboneNames(boolean timm, int mmdetVersion, String prefix) {
    this.timm = timm;
    this.mmdetVersion = mmdetVersion;
    this.prefix = prefix;
  }

  /** timm {@code resnest50d} (ImageNet). */
  public static BackboneNames timm() {
    return new BackboneNames(true, 0, "");
  }

  /**
   * mmdet {@code ResNeSt} of mmdet {@code version} 2 or 3, keys with {@code prefix} before them ({@code ""} alone,
   * {@code backbone.} in a detector).
   */
  public static BackboneNames mmdet(int version, String prefix) {
    return new BackboneNames(false, version, prefix);
  }

  @Override
  public String description() {
    return timm ? "timm resnest50d" : "mmdet " + mmdetVersion + ".x ResNeSt" + (prefix.isEmpty()
        ? " (open-mmlab://resnest50)" : " under " + prefix);
  }

  @Override
  public String covers() {
    return "backbone.";
  }

  @Override
  public String exampleKey() {
    return prefix + (timm ? "conv1.0.weight" : "stem.0.weight");
  }

  @Override
  public Optional<Source> source(String path) {
    String p = path.substring(covers().length());
    Matcher m = STEM.matcher(p);
    if (m.matches()) {
      int conv = Integer.parseInt(m.group(1));
      boolean norm = m.group(2).equals("norm");
      int index = (conv - 1) * 3 + (norm ? 1 : 0);
      String module = timm && conv == 3 && norm ? "bn1" : (timm ? "conv1." : "stem.") + index;
      return key(module, m.group(3));
    }
    m = BLOCK.matcher(p);
    if (!m.matches()) {
      return Optional.empty();
    }
    int stage = Integer.parseInt(m.group(1));
    String block = "layer" + stage + "." + m.group(2) + ".";
    String module = m.group(3);
    if (module.startsWith("downsample.")) {
      int conv = timm || stage > 1 || mmdetVersion > 2 ? 1 : 0;
      return key(block + "downsample." + (module.endsWith("conv") ? conv : conv + 1), m.group(4));
    }
    String mapped = BLOCK_MODULES.get(module);
    return mapped == null ? Optional.empty() : key(block + mapped, m.group(4));
  }

  private Optional<Source> key(String module, String djlParam) {
    return Optional.of(Source.same(prefix + module + "." + SourceNaming.torchName(djlParam)));
  }
}
