package org.cellarena.model.proposal;

import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.FlatArrays;
import org.cellarena.model.structures.SparseIou;

/**
 * The anchors of all levels of one pyramid ({@link AnchorGenerator}'s layout, levels concatenated), and their
 * overlaps with ground-truth boxes found from the grid: a box can only overlap anchors whose centres lie within half
 * an anchor of it, so only those are compared, instead of all of them (the dense IoU of 300 cells with the 330 k
 * anchors of a 1333 px image is 100 M entries).
 */
public final class AnchorGrid {
  private final int[] strides;
  private final int[] heights;
  private final int[] widths;
  private final int perLocation;
  private final float[][] levels;
  private final int[] offsets;
  private final float[] all;
  /** Per level, the largest extent of a base anchor left/up of its centre and right/down of it. */
  private final float[] reach;

  public AnchorGrid(AnchorGenerator generator, int[] heights, int[] widths) {
    this.strides = generator.strides();
    this.heights = heights.clone();
    this.widths = widths.clone();
    this.perLocation = generator.anchorsPerLocation();
    int n = heights.length;
    levels = new float[n][];
    offsets = new int[n + 1];
    reach = new float[n];
    for (int l = 0; l < n; l++) {
      levels[l] = generator.anchors(l, heights[l], widths[l]);
      offsets[l + 1] = offsets[l] + levels[l].length / 4;
      for (int a = 0; a < 4 * perLocation && a < levels[l].length; a++) {
        reach[l] = Math.max(reach[l], Math.abs(levels[l][a]));
      }
    }
    all = FlatArrays.concat(levels);
  }

  /** Whether this grid was made for feature maps of these sizes. */
  public boolean fits(int[] heights, int[] widths) {
    return java.util.Arrays.equals(this.heights, heights) && java.util.Arrays.equals(this.widths, widths);
  }

  public int levelCount() {
    return levels.length;
  }

  /** Anchors of one level, flat {@code (x1, y1, x2, y2)}. */
  public float[] level(int l) {
    return levels[l];
  }

  /** Index of the first anchor of level {@code l} among all anchors. */
  public int offset(int l) {
    return offsets[l];
  }

  /** All anchors, levels concatenated. */
  public float[] all() {
    return all;
  }

  public int size() {
    return offsets[levels.length];
  }

  /** The non-zero IoUs of each ground-truth box (rows) with the anchors (indices into {@link #all}). */
  public SparseIou overlaps(float[] gt) {
    int numGt = Boxes.count(gt);
    SparseIou.Builder b = new SparseIou.Builder(numGt, size());
    for (int g = 0; g < numGt; g++) {
      for (int l = 0; l < levels.length; l++) {
        float s = strides[l];
        // centres x*s with |x*s - box| < reach can overlap; one cell of margin on each side
        int x0 = Math.max(0, (int) Math.floor((gt[4 * g] - reach[l]) / s) - 1);
        int x1 = Math.min(widths[l] - 1, (int) Math.ceil((gt[4 * g + 2] + reach[l]) / s) + 1);
        int y0 = Math.max(0, (int) Math.floor((gt[4 * g + 1] - reach[l]) / s) - 1);
        int y1 = Math.min(heights[l] - 1, (int) Math.ceil((gt[4 * g + 3] + reach[l]) / s) + 1);
        for (int y = y0; y <= y1; y++) {
          for (int x = x0; x <= x1; x++) {
            int first = offsets[l] + (y * widths[l] + x) * perLocation;
            for (int a = first; a < first + perLocation; a++) {
              b.add(a, Boxes.iou(gt, g, all, a));
            }
          }
        }
      }
      b.endRow();
    }
    return b.build();
  }
}
