package org.cellarena.harness.demodata;

import java.util.Random;

/**
 * The three Sartorius cell lines with the look and the numbers of the real data (cells per 704x520 image; real
 * train-set means: shsy5y 337, astro 80, cort 34): shsy5y many small elongated cells with thin neurites, astro
 * large irregular flat cells with processes, cort small round thick cells with long thin neurites. The ranges
 * lie within those of the real sample's 21 labelled images (shsy5y 91-531, astro 33-103, cort 9-72).
 */
public enum CellType {
  SHSY5Y("shsy5y", 180, 420),
  ASTRO("astro", 30, 100),
  CORT("cort", 18, 50);

  /** The area the counts are given for: the competition's 704x520 images. */
  public static final double REFERENCE_AREA = 704.0 * 520.0;

  private final String label;
  private final int minCells;
  private final int maxCells;

  CellType(String label, int minCells, int maxCells) {
    this.label = label;
    this.minCells = minCells;
    this.maxCells = maxCells;
  }

  /** The spelling in train.csv's cell_type column. */
  public String label() {
    return label;
  }

  public int minCells() {
    return minCells;
  }

  public int maxCells() {
    return maxCells;
  }

  /** How many cells an image of this size gets: uniform in the type's range, scaled by the image's area. */
  public int drawCellCount(Random random, int width, int height) {
    int count = minCells + random.nextInt(maxCells - minCells + 1);
    return Math.max(1, (int) Math.round(count * width * (double) height / REFERENCE_AREA));
  }
}
