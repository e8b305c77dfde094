package org.cellarena.harness.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cellarena.harness.dataset.DataException;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterTest {
  /** 120 images: 60 shsy5y, 40 astro, 20 cort; samples of 1 to 4 images of one type. */
  static List<SolutionImage> images() {
    Random random = new Random(99);
    List<SolutionImage> images = new ArrayList<>();
    String[] types = {"shsy5y", "astro", "cort"};
    int[] counts = {60, 40, 20};
    for (int t = 0; t < types.length; t++) {
      int made = 0;
      for (int sample = 0; made < counts[t]; sample++) {
        int shots = Math.min(1 + random.nextInt(4), counts[t] - made);
        for (int s = 0; s < shots; s++, made++) {
          images.add(new SolutionImage(String.format("%s-%03d", types[t], made), 32, 32, types[t], Usage.PUBLIC,
              List.of(), Map.of("sample_id", types[t] + "-sample-" + sample)));
        }
      }
    }
    return images;
  }

  static SplitParameters params(String group, long seed) {
    return new SplitParameters(0.2, 0.1, 0, 0, "cell_type", group, seed);
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() throws DataException {
    SplitManifest a = Splitter.split(images(), params(null, 3));
    SplitManifest b = Splitter.split(images(), params(null, 3));
    SplitManifest c = Splitter.split(images(), params(null, 4));
    assertEquals(a.toJson(), b.toJson());
    assertNotEquals(a.holdout(), c.holdout());
  }

  @Test
  void partsCoverEveryImageOnce() throws DataException {
    SplitManifest split = Splitter.split(images(), params("sample_id", 1));
    Set<String> all = new HashSet<>();
    for (String part : SplitManifest.PARTS) {
      for (String id : split.part(part)) {
        assertTrue(all.add(id), id + " is in two parts");
      }
    }
    assertEquals(images().size(), all.size());
  }

  @Test
  void eachCellTypesShareIsWithinOneImageOfProportional() throws DataException {
    for (long seed = 0; seed < 5; seed++) {
      SplitManifest split = Splitter.split(images(), params(null, seed));
      Map<String, Integer> totals = countByType(images().stream().map(SolutionImage::id).toList());
      Map<String, Integer> holdout = countByType(split.holdout());
      Map<String, Integer> val = countByType(split.val());
      for (String type : totals.keySet()) {
        assertEquals(0.2 * totals.get(type), holdout.getOrDefault(type, 0), 1.0, "holdout " + type);
        assertEquals(0.1 * totals.get(type), val.getOrDefault(type, 0), 1.0, "val " + type);
      }
    }
  }

  @Test
  void noSampleInTwoParts() throws DataException {
    Map<String, String> sampleOf = new HashMap<>();
    images().forEach(i -> sampleOf.put(i.id(), i.metadata().get("sample_id")));
    for (long seed = 0; seed < 5; seed++) {
      SplitManifest split = Splitter.split(images(), params("sample_id", seed));
      Map<String, String> partOfSample = new HashMap<>();
      for (String part : SplitManifest.PARTS) {
        for (String id : split.part(part)) {
          String before = partOfSample.putIfAbsent(sampleOf.get(id), part);
          assertTrue(before == null || before.equals(part), "sample " + sampleOf.get(id) + " in " + before + " and " + part);
        }
      }
      assertEquals(0.2 * 120, split.holdout().size(), 6, "holdout about a fifth even when grouped");
    }
  }

  @Test
  void kFoldRotatesValOverTheNonHoldoutImages() throws DataException {
    int folds = 4;
    List<String> holdout = null;
    Set<String> vals = new HashSet<>();
    int valTotal = 0;
    for (int fold = 0; fold < folds; fold++) {
      SplitManifest split = Splitter.split(images(), new SplitParameters(0.2, 0, folds, fold, "cell_type", "sample_id", 8));
      if (holdout == null) {
        holdout = split.holdout();
      }
      assertEquals(holdout, split.holdout(), "the holdout does not move with the fold");
      vals.addAll(split.val());
      valTotal += split.val().size();
      assertEquals((120 - holdout.size()) / (double) folds, split.val().size(), 4, "fold sizes balanced");
    }
    assertEquals(120 - holdout.size(), valTotal, "folds do not overlap");
    assertEquals(120 - holdout.size(), vals.size(), "folds cover the non-holdout images");
  }

  @Test
  void manyFoldsOverSmallStrataAreAllFilled() throws DataException {
    // 30 ungrouped images in 3 strata, 24 left after the holdout: 10 folds of 2 or 3, none empty
    List<SolutionImage> images = images().stream().filter(i -> i.id().matches(".*-00\\d")).toList();
    assertEquals(30, images.size());
    int smallest = Integer.MAX_VALUE, largest = 0;
    for (int fold = 0; fold < 10; fold++) {
      int size = Splitter.split(images, new SplitParameters(0.2, 0, 10, fold, "cell_type", null, 3)).val().size();
      smallest = Math.min(smallest, size);
      largest = Math.max(largest, size);
    }
    assertTrue(smallest >= 2 && largest <= 3, "fold sizes " + smallest + ".." + largest);
  }

  @Test
  void badParametersAndMissingColumnsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SplitParameters(1.2, 0.1, 0, 0, null, null, 1));
    assertThrows(IllegalArgumentException.class, () -> new SplitParameters(0.5, 0.6, 0, 0, null, null, 1));
    assertThrows(IllegalArgumentException.class, () -> new SplitParameters(0.2, 0, 5, 5, null, null, 1));
    DataException e = assertThrows(DataException.class,
        () -> Splitter.split(images(), params("plate_time", 1)));
    assertTrue(e.getMessage().contains("plate_time"), e.getMessage());
  }

  @Test
  void manifestRoundTripsAndRefusesAnIdInTwoParts(@TempDir Path dir) throws Exception {
    SplitManifest split = Splitter.split(images(), params("sample_id", 2));
    Path file = dir.resolve("split.json");
    split.write(file);
    assertEquals(split, SplitManifest.read(file));
    Files.writeString(file, "{\"train\": [\"a\", \"b\"], \"val\": [\"b\"], \"holdout\": []}");
    DataException e = assertThrows(DataException.class, () -> SplitManifest.read(file));
    assertTrue(e.getMessage().contains("image b is in two parts"), e.getMessage());
  }

  private static Map<String, Integer> countByType(List<String> ids) {
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach(id -> counts.merge(id.substring(0, id.indexOf('-')), 1, Integer::sum));
    return counts;
  }
}
