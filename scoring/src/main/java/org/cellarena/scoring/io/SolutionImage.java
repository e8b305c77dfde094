package org.cellarena.scoring.io;

import java.util.List;
import java.util.Map;
import org.cellarena.scoring.rle.RunMask;

/**
 * One image of a solution (or of a {@code train.csv}): its size, cell type, leaderboard part, ground-truth
 * cells (which may overlap) and the optional metadata columns (plate_time, sample_date, sample_id,
 * elapsed_timedelta) by name.
 */
public record SolutionImage(
    String id, int width, int height, String cellType, Usage usage, List<RunMask> cells,
    Map<String, String> metadata) {

  public SolutionImage {
    cells = List.copyOf(cells);
    metadata = Map.copyOf(metadata);
  }
}
