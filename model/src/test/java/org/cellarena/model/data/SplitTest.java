package org.cellarena.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitTest {

  /** 3 cell types of 10 images each, in samples of 2 images (ids a0..a9, b0.., c0..). */
  private static List<SolutionImage> images() {
    List<SolutionImage> out = new ArrayList<>();
    for (String type : List.of("astro", "cort", "shsy5y")) {
      for (int i = 0; i < 10; i++) {
        out.add(new SolutionImage(type.charAt(0) + "" + i, 8, 8, type, Usage.PUBLIC, List.of(),
            Map.of("sample_id", type + "-sample-" + i / 2)));
      }
    }
    return out;
  }

  @Test
  void randomSplitIsStratifiedByCellTypeAndKeepsSamplesTogether() {
    for (long seed = 0; seed < 20; seed++) {
      Split s = Split.random(images(), 0.2, seed);
      Map<Character, Integer> perType = new HashMap<>();
      s.val().forEach(id -> perType.merge(id.charAt(0), 1, Integer::sum));
      assertEquals(Map.of('a', 2, 'c', 2, 's', 2), perType, "seed " + seed + ": " + s.val());
      for (int i = 0; i < 10; i += 2) { // the two images of a sample are both in val or both in train
        for (String t : List.of("a", "c", "s")) {
          assertEquals(s.val().contains(t + i), s.val().contains(t + (i + 1)), "seed " + seed);
        }
      }
      Set<String> all = new HashSet<>(s.train());
      all.addAll(s.val());
      assertEquals(30, all.size());
      assertEquals(30, s.train().size() + s.val().size());
    }
    assertTrue(!Split.random(images(), 0.2, 1).val().equals(Split.random(images(), 0.2, 2).val())
        || !Split.random(images(), 0.2, 3).val().equals(Split.random(images(), 0.2, 2).val()), "the seed draws");
  }

  @Test
  void manifestWhosePartsOverlapIsRefusedWithTheIds(@TempDir Path tmp) throws Exception {
    Path m = tmp.resolve("split.json");
    Files.writeString(m, "{\"train\": [\"a0\", \"a1\", \"c0\"], \"val\": [\"c0\", \"a1\"], \"holdout\": [\"s0\"]}");
    List<String> known = images().stream().map(SolutionImage::id).toList();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Split.read(m, known));
    assertTrue(e.getMessage().contains("2 image(s) in both 'train' and 'val': c0, a1"), e.getMessage());
    Files.writeString(m, "{\"train\": [\"a0\"], \"val\": [\"c0\"], \"holdout\": [\"c0\"]}");
    e = assertThrows(IllegalArgumentException.class, () -> Split.read(m, known));
    assertTrue(e.getMessage().contains("in both 'val' and 'holdout': c0"), e.getMessage());
    Files.writeString(m, "{\"train\": [\"a0\"], \"val\": [\"c0\"], \"holdout\": [\"s0\"]}");
    assertEquals(List.of("c0"), Split.read(m, known).val());
  }
}
