package org.cellarena.harness.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.cellarena.harness.dataset.DataException;
import org.cellarena.scoring.io.SolutionImage;

/**
 * Makes a {@link SplitManifest}. Images are gathered into groups (by the group column; one image per group
 * without it), groups into strata (by the stratify column). Within each stratum the groups are shuffled with the
 * seed and taken in turn, each kept when it brings the part no further from its share of the stratum: ungrouped,
 * each part's count per stratum is within one image of proportional. The k-fold form deals the remaining groups
 * to the fold with the fewest images so far, counted over all strata (so that small strata do not all fill the
 * first folds and leave the last ones empty).
 */
public final class Splitter {
  public static final String CELL_TYPE = "cell_type";

  private Splitter() {}

  public static SplitManifest split(List<SolutionImage> images, SplitParameters params) throws DataException {
    Map<String, List<List<SolutionImage>>> strata = strata(images, params);
    Random random = new Random(params.seed());
    Set<String> holdout = new HashSet<>();
    Set<String> val = new HashSet<>();
    int[] foldSizes = params.kFold() ? new int[params.folds()] : null;
    for (List<List<SolutionImage>> groups : strata.values()) {
      Collections.shuffle(groups, random);
      int size = groups.stream().mapToInt(List::size).sum();
      List<List<SolutionImage>> rest = take(groups, params.holdout() * size, holdout);
      if (params.kFold()) {
        dealFold(rest, foldSizes, params.fold(), val);
      } else {
        take(rest, params.val() * size, val);
      }
    }
    List<String> trainIds = new ArrayList<>();
    List<String> valIds = new ArrayList<>();
    List<String> holdoutIds = new ArrayList<>();
    for (SolutionImage image : images) {
      String id = image.id();
      (holdout.contains(id) ? holdoutIds : val.contains(id) ? valIds : trainIds).add(id);
    }
    return new SplitManifest(trainIds, valIds, holdoutIds, params.toJson());
  }

  /** The value of a column for an image: cell_type, id, or a metadata column. */
  public static String column(SolutionImage image, String column) throws DataException {
    if (CELL_TYPE.equals(column)) {
      return image.cellType();
    }
    if ("id".equals(column)) {
      return image.id();
    }
    String value = image.metadata().get(column);
    if (value == null || value.isBlank()) {
      throw new DataException("image " + image.id() + " has no " + column + " (columns: cell_type, id"
          + (image.metadata().isEmpty() ? "" : ", " + String.join(", ", new TreeMap<>(image.metadata()).keySet()))
          + ")");
    }
    return value;
  }

  /** Strata (sorted by key) of groups (sorted by key): the order shuffling starts from, so the seed decides. */
  private static Map<String, List<List<SolutionImage>>> strata(List<SolutionImage> images, SplitParameters params)
      throws DataException {
    Map<String, List<SolutionImage>> groups = new TreeMap<>();
    for (SolutionImage image : images) {
      String key = params.group() == null ? image.id() : column(image, params.group());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(image);
    }
    Map<String, List<List<SolutionImage>>> strata = new TreeMap<>();
    for (List<SolutionImage> group : groups.values()) {
      strata.computeIfAbsent(stratum(group, params.stratify()), k -> new ArrayList<>()).add(group);
    }
    return strata;
  }

  /** A group's stratum: the most common value of the stratify column among its images (the first on a tie). */
  private static String stratum(List<SolutionImage> group, String stratify) throws DataException {
    if (stratify == null) {
      return "";
    }
    Map<String, Integer> counts = new HashMap<>();
    String best = null;
    for (SolutionImage image : group) {
      String value = column(image, stratify);
      int n = counts.merge(value, 1, Integer::sum);
      if (best == null || n > counts.get(best)) {
        best = value;
      }
    }
    return best;
  }

  /**
   * Moves each group into {@code into} that brings the count no further from {@code target} (a tie takes it, so
   * a small stratum of big groups still gets one); returns the rest.
   */
  private static List<List<SolutionImage>> take(List<List<SolutionImage>> groups, double target, Set<String> into) {
    List<List<SolutionImage>> rest = new ArrayList<>();
    int count = 0;
    for (List<SolutionImage> group : groups) {
      if (target > 0 && Math.abs(count + group.size() - target) <= Math.abs(count - target)) {
        count += group.size();
        group.forEach(i -> into.add(i.id()));
      } else {
        rest.add(group);
      }
    }
    return rest;
  }

  /**
   * Deals groups, in order, to the fold with the fewest images in {@code sizes} (updated); fold {@code chosen}
   * goes into {@code into}.
   */
  private static void dealFold(List<List<SolutionImage>> groups, int[] sizes, int chosen, Set<String> into) {
    for (List<SolutionImage> group : groups) {
      int smallest = 0;
      for (int f = 1; f < sizes.length; f++) {
        if (sizes[f] < sizes[smallest]) {
          smallest = f;
        }
      }
      sizes[smallest] += group.size();
      if (smallest == chosen) {
        group.forEach(i -> into.add(i.id()));
      }
    }
  }
}
