package org.cellarena.scoring.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The ground truth of a set of images, in the order the file lists them. */
public final class Solution {
  private final Map<String, SolutionImage> byId = new LinkedHashMap<>();

  public Solution(List<SolutionImage> images) {
    for (SolutionImage image : images) {
      if (byId.putIfAbsent(image.id(), image) != null) {
        throw new IllegalArgumentException("duplicate image id " + image.id());
      }
    }
  }

  public List<SolutionImage> images() {
    return List.copyOf(byId.values());
  }

  /** The image with this id, or null. */
  public SolutionImage image(String id) {
    return byId.get(id);
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  public int size() {
    return byId.size();
  }

  public Set<String> ids() {
    return Collections.unmodifiableSet(byId.keySet());
  }

  /** The cell types present, sorted. */
  public Set<String> cellTypes() {
    Set<String> types = new TreeSet<>();
    byId.values().forEach(i -> types.add(i.cellType()));
    return types;
  }

  public int cellCount() {
    return byId.values().stream().mapToInt(i -> i.cells().size()).sum();
  }
}
