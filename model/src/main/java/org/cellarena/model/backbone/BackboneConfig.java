package org.cellarena.model.backbone;

/**
 * ResNeSt hyper-parameters: {@code stageBlocks} bottlenecks per stage (3,4,6,3 for depth 50), stem and base
 * widths, radix, the reduction factor of the attention, avd, frozen stages (-1: none, 0: stem, 1: stem and stage 1)
 * and the norm ({@code BN} or {@code GN}).
 */
public record BackboneConfig(int[] stageBlocks, int stemChannels, int baseChannels, int radix, int reductionFactor,
    boolean avd, int frozenStages, String norm) {

  /** Blocks per stage for a standard depth. */
  public static int[] blocksForDepth(int depth) {
    switch (depth) {
      case 50: return new int[] {3, 4, 6, 3};
      case 101: return new int[] {3, 4, 23, 3};
      case 152: return new int[] {3, 8, 36, 3};
      default: throw new IllegalArgumentException("unsupported ResNeSt depth " + depth + " (50, 101, 152)");
    }
  }

  /** The ResNeSt-50 of the seed (mmdet resnest s50: deep stem 64, radix 2, avd, avg-down). */
  public static BackboneConfig resnest50(int frozenStages, String norm) {
    return new BackboneConfig(blocksForDepth(50), 64, 64, 2, 4, true, frozenStages, norm);
  }

  /** Output channels of stage {@code i} (0-based). */
  public int stageChannels(int i) {
    return baseChannels * (1 << i) * 4;
  }
}
