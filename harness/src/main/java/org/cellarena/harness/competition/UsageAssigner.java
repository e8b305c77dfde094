package org.cellarena.harness.competition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;

/**
 * Cuts held-out images into Public and Private: per cell type (sorted), the images are shuffled with the seed and
 * the first round(fraction x count) are Public, at least one per type when the fraction is positive.
 */
public final class UsageAssigner {
  private UsageAssigner() {}

  public static List<SolutionImage> assign(List<SolutionImage> images, double publicFraction, long seed) {
    Map<String, List<SolutionImage>> byType = new TreeMap<>();
    images.forEach(i -> byType.computeIfAbsent(i.cellType(), t -> new ArrayList<>()).add(i));
    Random random = new Random(seed);
    Map<String, Usage> usage = new HashMap<>();
    for (List<SolutionImage> ofType : byType.values()) {
      List<SolutionImage> shuffled = new ArrayList<>(ofType);
      Collections.shuffle(shuffled, random);
      int publicCount = Math.max(1, (int) Math.round(publicFraction * shuffled.size()));
      for (int k = 0; k < shuffled.size(); k++) {
        usage.put(shuffled.get(k).id(), k < publicCount ? Usage.PUBLIC : Usage.PRIVATE);
      }
    }
    return images.stream()
        .map(i -> new SolutionImage(i.id(), i.width(), i.height(), i.cellType(), usage.get(i.id()), i.cells(),
            i.metadata()))
        .toList();
  }
}
