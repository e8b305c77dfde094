package org.cellarena.model.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cellarena.scoring.rle.RunMask;

/**
 * Turns pasted masks into non-overlapping cells: drops detections under the score threshold, binarises at the
 * mask threshold, gives a pixel claimed by several cells to the highest-scoring one, drops cells smaller than the
 * minimum area, and ignores any part of a mask outside the image. The result is a valid prediction for the competition (no two masks overlap).
 */
public final class InstanceSelector {
  private InstanceSelector() {}

  public static List<RunMask> select(List<PastedMask> masks, PredictionThresholds t, int width, int height) {
    List<PastedMask> sorted = new ArrayList<>(masks);
    sorted.sort(Comparator.comparingDouble(PastedMask::score).reversed());
    boolean[] taken = new boolean[width * height];
    List<RunMask> out = new ArrayList<>();
    int[] pixels = new int[0];
    for (PastedMask m : sorted) {
      if (m.score() < t.score(m.label())) {
        continue;
      }
      if (pixels.length < m.prob().length) {
        pixels = new int[m.prob().length];
      }
      int n = 0;
      int ys = Math.max(0, -m.y0()), ye = Math.min(m.height(), height - m.y0());
      int xs = Math.max(0, -m.x0()), xe = Math.min(m.width(), width - m.x0());
      for (int y = ys; y < ye; y++) {
        int row = (m.y0() + y) * width + m.x0();
        for (int x = xs; x < xe; x++) {
          if (m.prob()[y * m.width() + x] >= t.mask() && !taken[row + x]) {
            pixels[n++] = row + x;
          }
        }
      }
      if (n < Math.max(1, t.minArea())) {
        continue;
      }
      RunMask.RunBuilder b = new RunMask.RunBuilder(width, height);
      for (int i = 0; i < n; i++) {
        taken[pixels[i]] = true;
        b.add(pixels[i]);
      }
      out.add(b.build());
    }
    return out;
  }
}
