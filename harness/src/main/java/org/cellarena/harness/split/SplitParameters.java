package org.cellarena.harness.split;

import io.vertx.core.json.JsonObject;

/**
 * How a split is made. {@code holdout} and {@code val} are shares of all images; with {@code folds > 0},
 * {@code val} is fold {@code fold} of the non-holdout images cut into {@code folds} parts instead.
 * {@code stratify} and {@code group} name a column (cell_type or a metadata column) or are null.
 */
public record SplitParameters(double holdout, double val, int folds, int fold, String stratify, String group,
    long seed) {

  public SplitParameters {
    if (!(holdout >= 0 && holdout < 1)) {
      throw new IllegalArgumentException("holdout must be in [0, 1), found " + holdout);
    }
    if (folds == 0 && !(val >= 0 && holdout + val < 1)) {
      throw new IllegalArgumentException("val must be >= 0 and holdout + val below 1, found val " + val);
    }
    if (folds != 0 && (folds < 2 || fold < 0 || fold >= folds)) {
      throw new IllegalArgumentException("with --folds K (K >= 2), --fold must be in 0..K-1; found K=" + folds
          + ", fold=" + fold);
    }
  }

  public boolean kFold() {
    return folds > 0;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("holdout", holdout).put("seed", seed)
        .put("stratify", stratify).put("group", group);
    if (kFold()) {
      json.put("folds", folds).put("fold", fold);
    } else {
      json.put("val", val);
    }
    return json;
  }
}
