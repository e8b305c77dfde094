package org.cellarena.harness.competition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;

/**
 * Cuts held-out images into Feedback, Public and Private, per cell type (sorted): the type's images are shuffled
 * with the seed; the first round(feedbackFraction x count) are Feedback (never all of them: a type keeps at least
 * one image on the boards); of the rest, the first round(publicFraction x rest) are Public, at least one, and the
 * others Private. Images named as Feedback beforehand (a model competition's sample test images, handed out) are
 * Feedback and the cut is made among the others.
 */
public final class UsageAssigner {
  private UsageAssigner() {}

  public static List<SolutionImage> assign(List<SolutionImage> images, double feedbackFraction,
      double publicFraction, long seed) {
    return assign(images, Set.of(), feedbackFraction, publicFraction, seed);
  }

  public static List<SolutionImage> assign(List<SolutionImage> images, Set<String> feedbackIds,
      double feedbackFraction, double publicFraction, long seed) {
    Map<String, List<SolutionImage>> byType = new TreeMap<>();
    images.stream().filter(i -> !feedbackIds.contains(i.id()))
        .forEach(i -> byType.computeIfAbsent(i.cellType(), t -> new ArrayList<>()).add(i));
    Random random = new Random(seed);
    Map<String, Usage> usage = new HashMap<>();
    feedbackIds.forEach(id -> usage.put(id, Usage.FEEDBACK));
    for (List<SolutionImage> ofType : byType.values()) {
      List<SolutionImage> shuffled = new ArrayList<>(ofType);
      Collections.shuffle(shuffled, random);
      int feedbackCount = Math.min(shuffled.size() - 1, (int) Math.round(feedbackFraction * shuffled.size()));
      int publicCount = Math.max(1, (int) Math.round(publicFraction * (shuffled.size() - feedbackCount)));
      for (int k = 0; k < shuffled.size(); k++) {
        usage.put(shuffled.get(k).id(), k < feedbackCount ? Usage.FEEDBACK
            : k < feedbackCount + publicCount ? Usage.PUBLIC : Usage.PRIVATE);
      }
    }
    return images.stream()
        .map(i -> new SolutionImage(i.id(), i.width(), i.height(), i.cellType(), usage.get(i.id()), i.cells(),
            i.metadata()))
        .toList();
  }
}
