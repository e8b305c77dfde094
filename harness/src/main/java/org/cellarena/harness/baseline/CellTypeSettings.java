package org.cellarena.harness.baseline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cellarena.harness.baseline.ClassicalSegmenter.Settings;
import org.cellarena.scoring.rle.RunMask;
import org.opencv.core.Mat;

/**
 * Which {@link Settings} suit a cell type, and the automatic choice for an image whose type is unknown. Two
 * families: small cells (shsy5y, cort; median area about 180 px in the Sartorius sample's ground truth) and large
 * faint ones (astro, about 675 px), which need a wider background, more smoothing and wider watershed peaks.
 * LIVECell's lines go to the family their median cell size in LIVECell's annotations points to.
 */
public final class CellTypeSettings {
  public static final Settings SMALL_CELLS = new Settings(81, 1.5, 3, 10, 5, 13, 3, 80);
  public static final Settings LARGE_CELLS = new Settings(121, 3, 1, 8, 9, 29, 3, 200);

  /**
   * The median area (px) of what the large-cell settings find from which an image is taken for large cells: on
   * generated images they find a median of 440-670 px on astro and 210-400 px on shsy5y and cort (with the
   * realistic generator of issue 26: astro 437-631, shsy5y 259-309, cort 278-457, so a few cort images go large).
   */
  static final int LARGE_MEDIAN_AREA = 420;

  private static final Set<String> LARGE = Set.of("astro", "a172", "huh7", "skov3");
  private static final Set<String> SMALL = Set.of("shsy5y", "cort", "bt474", "mcf7", "skbr3");

  private CellTypeSettings() {}

  /** The settings for a known cell type (case-insensitive); empty for a type this class does not know. */
  public static Optional<Settings> forCellType(String cellType) {
    String type = cellType == null ? "" : cellType.toLowerCase(Locale.ROOT);
    if (LARGE.contains(type)) {
      return Optional.of(LARGE_CELLS);
    }
    return SMALL.contains(type) ? Optional.of(SMALL_CELLS) : Optional.empty();
  }

  /** The cells of an image of the given type, or, for an unknown or absent type, of the {@link #automatic} choice. */
  public static List<RunMask> segment(Mat gray, String cellType) {
    return forCellType(cellType).map(s -> new ClassicalSegmenter(s).segment(gray)).orElseGet(() -> automatic(gray));
  }

  /**
   * The cell size estimated from the image itself: segment with the large-cell settings and keep what they find
   * when it is large (median area at least {@link #LARGE_MEDIAN_AREA}); otherwise segment with the small-cell ones.
   */
  public static List<RunMask> automatic(Mat gray) {
    List<RunMask> large = new ClassicalSegmenter(LARGE_CELLS).segment(gray);
    return medianArea(large) >= LARGE_MEDIAN_AREA ? large : new ClassicalSegmenter(SMALL_CELLS).segment(gray);
  }

  static int medianArea(List<RunMask> cells) {
    if (cells.isEmpty()) {
      return 0;
    }
    int[] areas = cells.stream().mapToInt(RunMask::area).sorted().toArray();
    return areas[areas.length / 2];
  }
}
