package org.cellarena.model.archive;

import java.util.Locale;
import org.cellarena.model.backbone.BackboneConfig;
import org.cellarena.model.rcnn.MaskRcnnConfig;

/**
 * A lower bound of the parameter count of the model a config builds, computed from the config alone, so that a
 * config asking for more parameters than its weights file can hold is refused before the model allocates them
 * (each key's bound alone lets channels double per stage into tens of GB). Only weights that surely exist count:
 * the bottlenecks' convolutions, the FPN's, the RPN conv, the box head's convs and fc layers and the mask head's
 * convs; norms, biases and the rest are left out, so a legitimate model is never over-estimated.
 */
final class ParameterFloor {
  /** Headers and metadata around the tensors, and what the left-out terms might save in a hand-made file. */
  private static final long SLACK_BYTES = 1 << 20;

  private ParameterFloor() {}

  /** Refuses a config whose model surely holds more parameters than {@code weightsBytes} of this file can. */
  static void check(MaskRcnnConfig config, String weightsName, long weightsBytes) throws ModelArchiveException {
    long floor = of(config);
    double needed = floor * minBytesPerParameter(weightsName);
    if (needed > weightsBytes + SLACK_BYTES || floor * Float.BYTES > ModelArchive.MAX_WEIGHTS_BYTES) {
      throw new ModelArchiveException(String.format(Locale.ROOT, "config.json: its model has at least %.1f M"
          + " parameters (%s as float32), more than %s of %s can hold", floor / 1e6, size(floor * Float.BYTES),
          weightsName, size(weightsBytes)));
    }
  }

  /**
   * The fewest bytes per parameter a weights file of this name can hold: a {@code .params} checkpoint is float32;
   * a state dict may hold 1-byte integer tensors, and an {@code .npz} may inflate to twice its size (the bounds
   * of the pretrained importer), so its floor is checked against twice the file: half a byte.
   */
  private static double minBytesPerParameter(String weightsName) {
    if (weightsName.endsWith(".params")) {
      return Float.BYTES;
    }
    return weightsName.endsWith(".npz") ? 0.5 : 1;
  }

  /** The lower bound of {@code new MaskRcnn(config).parameterCount()}. */
  static long of(MaskRcnnConfig config) {
    long fpn = config.fpnChannels();
    MaskRcnnConfig.Rcnn r = config.rcnn();
    return backbone(config.backbone(), fpn) + 9 * fpn * fpn
        + convs(r.boxConvs(), fpn, r.boxConvChannels())
        + (r.boxConvs() > 0 ? r.boxConvChannels() : fpn) * 7 * 7 * r.boxFcChannels()
        + (long) r.boxFcChannels() * (5L * config.numClasses() + 1)
        + convs(r.maskConvs(), fpn, r.maskChannels());
  }

  /** The bottlenecks' convolutions and, per stage, the FPN's lateral and output convs. */
  private static long backbone(BackboneConfig b, long fpn) {
    long total = 0;
    long inplanes = b.stemChannels();
    for (int s = 0; s < b.stageBlocks().length; s++) {
      long planes = (long) b.baseChannels() << s;
      long radix = b.radix();
      long inter = Math.max(planes * radix / b.reductionFactor(), 32);
      for (int block = 0; block < b.stageBlocks()[s]; block++) {
        total += inplanes * planes + 9 * planes * (planes / radix) * radix + planes * inter * (1 + radix)
            + planes * 4 * planes;
        if (block == 0 && (s > 0 || inplanes != planes * 4)) {
          total += inplanes * planes * 4;
        }
        inplanes = planes * 4;
      }
      total += inplanes * fpn + 9 * fpn * fpn;
    }
    return total;
  }

  /** {@code n} 3x3 convolutions to {@code channels}, the first from {@code in}. */
  private static long convs(int n, long in, long channels) {
    return n == 0 ? 0 : 9 * channels * (in + (n - 1) * channels);
  }

  /** Bytes as a reader takes them in: KiB under a MiB, else MiB. */
  private static String size(long bytes) {
    if (bytes < 1 << 20) {
      return ((bytes + 1023) >> 10) + " KiB";
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
