package org.cellarena.scoring.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.scoring.rle.RunMask;

/** Predicted masks by image id; an image listed without masks predicts no cells. */
public final class Submission {
  private final Map<String, List<RunMask>> masks;

  public Submission(Map<String, List<RunMask>> masksByImageId) {
    Map<String, List<RunMask>> copy = new LinkedHashMap<>();
    masksByImageId.forEach((id, list) -> copy.put(id, List.copyOf(list)));
    this.masks = Collections.unmodifiableMap(copy);
  }

  /** The predicted masks of an image, empty when none were predicted or the image is absent. */
  public List<RunMask> masks(String imageId) {
    return masks.getOrDefault(imageId, List.of());
  }

  public Map<String, List<RunMask>> all() {
    return masks;
  }

  public int maskCount() {
    return masks.values().stream().mapToInt(List::size).sum();
  }
}
