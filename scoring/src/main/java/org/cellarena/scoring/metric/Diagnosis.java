package org.cellarena.scoring.metric;

/**
 * The breakdown of an image's errors at IoU 0.5, from its {@link Matching}: split cells and merged predictions
 * first, then their members, then each cell's and prediction's {@link Outcome} (rules: {@link ImageScorer}).
 */
final class Diagnosis {
  private static final int HALF = 0; // the threshold index of IoU 0.5

  private final Matching matching;
  private final boolean[] cellSplit, predMerged, cellInMerge, predInSplit;

  private Diagnosis(Matching matching) {
    this.matching = matching;
    cellSplit = new boolean[matching.cells()];
    predMerged = new boolean[matching.predictions()];
    cellInMerge = new boolean[matching.cells()];
    predInSplit = new boolean[matching.predictions()];
  }

  static Breakdown of(Matching matching) {
    Diagnosis diagnosis = new Diagnosis(matching);
    diagnosis.findSplitsAndMerges();
    diagnosis.findTheirMembers();
    Outcome[] cells = diagnosis.cellOutcomes(), predictions = diagnosis.predictionOutcomes();
    return new Breakdown(count(cells, Outcome.MISSED), count(predictions, Outcome.SPURIOUS),
        count(cells, Outcome.SPLIT), count(predictions, Outcome.MERGED), cells, predictions);
  }

  /** Unmatched cells with two or more predictions mostly within, unmatched predictions with two or more cells. */
  private void findSplitsAndMerges() {
    for (int c = 0; c < cellSplit.length; c++) {
      cellSplit[c] = matching.cellMatches[HALF][c] == 0 && matching.predsMostlyWithinCell[c] >= 2;
    }
    for (int q = 0; q < predMerged.length; q++) {
      predMerged[q] = matching.predMatches[HALF][q] == 0 && matching.cellsMostlyWithinPred[q] >= 2;
    }
  }

  /** The cells mostly within a merged prediction, the predictions mostly within a split cell. */
  private void findTheirMembers() {
    Overlaps overlaps = matching.overlaps;
    for (int e = 0; e < overlaps.size; e++) {
      int c = overlaps.cell[e], q = overlaps.prediction[e];
      long inter = overlaps.inter[e];
      if (predMerged[q] && 2 * inter > matching.truthArea[c]) {
        cellInMerge[c] = true;
      }
      if (cellSplit[c] && 2 * inter > matching.predArea[q]) {
        predInSplit[q] = true;
      }
    }
  }

  private Outcome[] cellOutcomes() {
    Outcome[] outcomes = new Outcome[cellSplit.length];
    for (int c = 0; c < outcomes.length; c++) {
      int matches = matching.cellMatches[HALF][c];
      outcomes[c] = matches == 1 ? Outcome.MATCHED : cellSplit[c] ? Outcome.SPLIT
          : cellInMerge[c] ? Outcome.MERGED : matches == 0 ? Outcome.MISSED : Outcome.MATCHED;
    }
    return outcomes;
  }

  private Outcome[] predictionOutcomes() {
    Outcome[] outcomes = new Outcome[predMerged.length];
    for (int q = 0; q < outcomes.length; q++) {
      outcomes[q] = matching.predMatches[HALF][q] > 0 ? Outcome.MATCHED : predMerged[q] ? Outcome.MERGED
          : predInSplit[q] ? Outcome.SPLIT : Outcome.SPURIOUS;
    }
    return outcomes;
  }

  private static int count(Outcome[] outcomes, Outcome wanted) {
    int n = 0;
    for (Outcome outcome : outcomes) {
      if (outcome == wanted) {
        n++;
      }
    }
    return n;
  }
}
