package org.cellarena.harness.competition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cellarena.scoring.io.SolutionImage;

/**
 * Picks a model competition's sample test images, the only held-out images handed out: one cell type after
 * another (sorted), each type's images in a seeded shuffle, so that three samples show three types where there
 * are three (as Sartorius's did).
 */
public final class SampleTests {
  private SampleTests() {}

  /** The ids of {@code count} images of {@code holdout}, in holdout order. */
  public static List<String> pick(List<SolutionImage> holdout, int count, long seed) {
    if (count < 0 || count > holdout.size()) {
      throw new IllegalArgumentException(count + " sample images out of " + holdout.size());
    }
    Map<String, List<SolutionImage>> byType = new TreeMap<>();
    holdout.forEach(i -> byType.computeIfAbsent(i.cellType(), t -> new ArrayList<>()).add(i));
    Random random = new Random(seed);
    List<List<SolutionImage>> queues = new ArrayList<>();
    for (List<SolutionImage> ofType : byType.values()) {
      List<SolutionImage> shuffled = new ArrayList<>(ofType);
      Collections.shuffle(shuffled, random);
      queues.add(shuffled);
    }
    List<String> picked = new ArrayList<>();
    for (int round = 0; picked.size() < count; round++) {
      for (List<SolutionImage> queue : queues) {
        if (round < queue.size() && picked.size() < count) {
          picked.add(queue.get(round).id());
        }
      }
    }
    return holdout.stream().map(SolutionImage::id).filter(picked::contains).toList();
  }
}
