package org.cellarena.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;
import org.junit.jupiter.api.Test;

/** The two halves of the validation images that tune each other's thresholds: disjoint, balanced per cell type. */
class ValidatorHalvesTest {

  @Test
  void halvesAlternateWithinEachCellType() {
    List<SolutionImage> images = new ArrayList<>();
    for (String id : List.of("a1", "a2", "a3", "c1", "c2", "s1", "s2", "s3", "s4")) {
      String type = Map.of('a', "astro", 'c', "cort", 's', "shsy5y").get(id.charAt(0));
      images.add(new SolutionImage(id, 4, 4, type, Usage.PUBLIC, List.of(), Map.of()));
    }
    List<List<String>> halves = Validator.halves(new Solution(images));
    assertEquals(List.of("a1", "a3", "c2", "s1", "s3"), halves.get(0));
    assertEquals(List.of("a2", "c1", "s2", "s4"), halves.get(1));
  }

  @Test
  void oneImageLeavesTheSecondHalfEmpty() {
    SolutionImage one = new SolutionImage("x", 4, 4, "cort", Usage.PUBLIC, List.of(), Map.of());
    assertEquals(List.of(List.of("x"), List.of()), Validator.halves(new Solution(List.of(one))));
  }
}
