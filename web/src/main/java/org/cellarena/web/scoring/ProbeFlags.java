package org.cellarena.web.scoring;

import java.util.ArrayList;
import java.util.List;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.rle.RunMask;
import org.cellarena.web.store.MaskCounts;

/**
 * Signs that a submission probes the scorer rather than segments cells, for the host's submissions list: masks
 * that are mostly tiny (a grid of 1-pixel masks asks, pixel by pixel, what lies under it) or predictions on a few
 * images only (one-image submissions read single images' scores off the board). A flag is a hint for the host to
 * look, never a verdict: nothing is refused for it.
 */
public final class ProbeFlags {
  /** A mask under this many pixels is tiny: far below any real cell (the smallest Sartorius cells have ~30). */
  public static final int TINY_PIXELS = 16;

  private ProbeFlags() {}

  /** The counts that the flags are decided on, taken while the submission is scored. */
  public static MaskCounts count(Submission submission) {
    int masks = 0, tiny = 0, images = 0;
    for (List<RunMask> ofImage : submission.all().values()) {
      masks += ofImage.size();
      images += ofImage.isEmpty() ? 0 : 1;
      for (RunMask m : ofImage) {
        tiny += m.area() < TINY_PIXELS ? 1 : 0;
      }
    }
    return new MaskCounts(masks, tiny, images);
  }

  /**
   * The flags of a result: {@code tiny_masks} when more than half of its masks are tiny, {@code few_images}
   * when it predicts cells on fewer than half of the {@code testImages}; empty without counts (older results).
   */
  public static List<String> of(MaskCounts counts, int testImages) {
    List<String> flags = new ArrayList<>();
    if (counts == null) {
      return flags;
    }
    if (counts.masks() > 0 && 2L * counts.tinyMasks() > counts.masks()) {
      flags.add("tiny_masks");
    }
    if (2L * counts.predictedImages() < testImages) {
      flags.add("few_images");
    }
    return flags;
  }
}
