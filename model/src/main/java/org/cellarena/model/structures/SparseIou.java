package org.cellarena.model.structures;

import java.util.Arrays;

/**
 * The non-zero entries of an IoU matrix of ground truths (rows) by boxes, row by row (compressed sparse rows):
 * ground truth {@code g} overlaps boxes {@code box[rowStart[g] .. rowStart[g+1])} with IoU {@code iou[...]} (> 0).
 * Every absent pair has IoU 0. Cells overlap few of the 330 k anchors of a 1333 px image, so this is far smaller than
 * the dense matrix.
 */
public record SparseIou(int numGt, int numBoxes, int[] rowStart, int[] box, float[] iou) {

  /** The non-zero entries of a dense row-major {@code numGt x numBoxes} matrix. */
  public static SparseIou ofDense(float[] dense, int numGt, int numBoxes) {
    Builder b = new Builder(numGt, numBoxes);
    for (int g = 0; g < numGt; g++) {
      for (int j = 0; j < numBoxes; j++) {
        b.add(j, dense[g * numBoxes + j]);
      }
      b.endRow();
    }
    return b.build();
  }

  /** Collects rows in order: {@link #add} the entries of a row, then {@link #endRow}. */
  public static final class Builder {
    private final int numGt;
    private final int numBoxes;
    private final int[] rowStart;
    private int[] box = new int[1024];
    private float[] iou = new float[1024];
    private int size;
    private int row;

    public Builder(int numGt, int numBoxes) {
      this.numGt = numGt;
      this.numBoxes = numBoxes;
      this.rowStart = new int[numGt + 1];
    }

    /** Adds an entry to the current row when its IoU is above 0. */
    public void add(int boxIndex, float value) {
      if (value <= 0f) {
        return;
      }
      if (size == box.length) {
        box = Arrays.copyOf(box, 2 * size);
        iou = Arrays.copyOf(iou, 2 * size);
      }
      box[size] = boxIndex;
      iou[size++] = value;
    }

    public void endRow() {
      rowStart[++row] = size;
    }

    public SparseIou build() {
      if (row != numGt) {
        throw new IllegalStateException(row + " rows ended, expected " + numGt);
      }
      return new SparseIou(numGt, numBoxes, rowStart, Arrays.copyOf(box, size), Arrays.copyOf(iou, size));
    }
  }
}
