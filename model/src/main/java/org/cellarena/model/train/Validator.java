package org.cellarena.model.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.predict.InstanceSelector;
import org.cellarena.model.predict.PastedMask;
import org.cellarena.model.predict.Predictor;
import org.cellarena.model.predict.Thresholds;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.rle.RunMask;

/**
 * Validation: predicts the validation images once, then scores them with the scoring module's metric at a grid of
 * score and mask thresholds and keeps the best (the thresholds {@code predict} will use); a model that predicts cell
 * types then gets one score threshold per type.
 */
public final class Validator {
  private static final float[] SCORES = {0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f};
  private static final float[] MASKS = {0.4f, 0.5f, 0.6f};

  private final Dataset dataset;
  private final List<String> ids;
  private final int minArea;
  private final int numClasses;

  public Validator(Dataset dataset, List<String> ids, int minArea, int numClasses) {
    this.dataset = dataset;
    this.ids = ids;
    this.minArea = minArea;
    this.numClasses = numClasses;
  }

  public ValidationResult validate(Predictor predictor) {
    long t0 = System.nanoTime();
    Solution solution = dataset.solution(ids);
    Map<String, List<PastedMask>> predictions = new LinkedHashMap<>();
    for (String id : ids) {
      predictions.put(id, predictor.predict(GrayImage.read(dataset.imagePath(id))));
    }
    ScoreReport best = null;
    Thresholds bestT = null;
    for (float m : MASKS) {
      for (float s : SCORES) {
        Thresholds t = new Thresholds(s, m, minArea);
        ScoreReport r = score(solution, predictions, t);
        if (best == null || r.score() > best.score()) {
          best = r;
          bestT = t;
        }
      }
    }
    if (numClasses > 1) {
      // one pass of coordinate ascent: each class's score threshold with the others fixed
      float[] per = new float[numClasses];
      java.util.Arrays.fill(per, bestT.score());
      for (int c = 0; c < numClasses; c++) {
        for (float s : SCORES) {
          float[] trial = per.clone();
          trial[c] = s;
          Thresholds t = bestT.withClassScores(trial);
          ScoreReport r = score(solution, predictions, t);
          if (r.score() > best.score()) {
            best = r;
            per = trial;
          }
        }
      }
      bestT = bestT.withClassScores(per);
    }
    return new ValidationResult(best.score(), best.cellTypeScores(), bestT, ids.size(),
        (System.nanoTime() - t0) / 1e9);
  }

  static ScoreReport score(Solution solution, Map<String, List<PastedMask>> predictions, Thresholds t) {
    Map<String, List<RunMask>> masks = new LinkedHashMap<>();
    for (SolutionImage img : solution.images()) {
      List<PastedMask> p = predictions.getOrDefault(img.id(), new ArrayList<>());
      masks.put(img.id(), InstanceSelector.select(p, t, img.width(), img.height()));
    }
    return Scorer.score(solution, new Submission(masks));
  }
}
