package org.cellarena.model.pretrained;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole mmdet Mask R-CNN (the seed, {@code mask_rcnn_s50_fpn_syncbn-backbone+head}: ResNeSt under
 * {@code backbone.}, FPN, RPN, Shared4Conv1FC box head and FCN mask head with BN), of mmdet 2.x or 3.x: the names
 * differ only in the backbone's layer1 shortcut ({@link BackboneNames}). Norm layers of the heads are mmcv
 * ConvModules ({@code .conv}, {@code .bn}: heads normalised with BN, as the seed's; mmcv names a GroupNorm
 * {@code .gn}, not covered); the mask head's ConvTranspose2d changes layout; the class rows (fc_cls, fc_reg,
 * conv_logits) are marked per class.
 */
public final class MaskRcnnNames implements SourceNaming {
  private static final Pattern NECK = Pattern.compile("neck\\.(lateral|fpn)(\\d)\\.(weight|bias)");
  private static final Pattern HEAD_CONV = Pattern.compile("(bbox|mask)_head\\.conv(\\d)\\.(conv|norm)\\.(\\w+)");
  private final int mmdetVersion;
  private final BackboneNames backbone;

  /** The names of mmdet {@code version} 2 or 3. */
  public MaskRcnnNames(int mmdetVersion) {
    this.mmdetVersion = mmdetVersion;
    this.backbone = BackboneNames.mmdet(mmdetVersion, "backbone.");
  }

  @Override
  public String description() {
    return "mmdet " + mmdetVersion + ".x Mask R-CNN (backbone, FPN, RPN, box and mask heads)";
  }

  @Override
  public String covers() {
    return "";
  }

  @Override
  public String exampleKey() {
    return "roi_head.bbox_head.fc_cls.weight";
  }

  @Override
  public Optional<Source> source(String path) {
    if (path.startsWith(backbone.covers())) {
      return backbone.source(path);
    }
    Matcher m = NECK.matcher(path);
    if (m.matches()) {
      return same("neck." + m.group(1) + "_convs." + m.group(2) + ".conv." + m.group(3));
    }
    if (path.startsWith("rpn_head.")) {
      return same(path); // rpn_conv, rpn_cls, rpn_reg: weight and bias
    }
    m = HEAD_CONV.matcher(path);
    if (m.matches()) {
      String list = m.group(1).equals("bbox") ? "shared_convs" : "convs";
      String module = m.group(3).equals("conv") ? "conv" : "bn";
      return same("roi_head." + m.group(1) + "_head." + list + "." + m.group(2) + "." + module + "."
          + SourceNaming.torchName(m.group(4)));
    }
    String param = path.substring(path.lastIndexOf('.') + 1);
    return switch (path.substring(0, path.lastIndexOf('.'))) {
      case "bbox_head.fc" -> same("roi_head.bbox_head.shared_fcs.0." + param);
      case "bbox_head.cls" -> Optional.of(Source.perClass("roi_head.bbox_head.fc_cls." + param));
      case "bbox_head.reg" -> Optional.of(Source.perClass("roi_head.bbox_head.fc_reg." + param));
      case "mask_head.logits" -> Optional.of(Source.perClass("roi_head.mask_head.conv_logits." + param));
      case "mask_head.upsample.conv" -> Optional.of(new Source("roi_head.mask_head.upsample.weight",
          Layout.TRANSPOSED_CONV_WEIGHT, false));
      case "mask_head.upsample" -> Optional.of(new Source("roi_head.mask_head.upsample.bias", Layout.CHANNEL_BIAS,
          false));
      default -> Optional.empty();
    };
  }

  private static Optional<Source> same(String key) {
    return Optional.of(Source.same(key));
  }
}
