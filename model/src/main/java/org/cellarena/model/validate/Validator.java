package org.cellarena.model.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.predict.InstanceSelector;
import org.cellarena.model.predict.PastedMask;
import org.cellarena.model.predict.PredictionThresholds;
import org.cellarena.model.predict.Predictor;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.metric.ImageResult;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.rle.RunMask;

/**
 * Validation: predicts the validation images once, then scores them with the scoring module's metric at a grid of
 * score thresholds and mask thresholds around the configuration's {@code mask_thr}, and keeps the best (the
 * thresholds {@code predict} will use; a model that predicts cell types gets one score threshold per type).
 *
 * <p>The mAP it reports is not measured on the images that chose its thresholds: the validation images are cut in
 * two halves (alternating within each cell type), each half is scored at the thresholds tuned on the other, and
 * {@code map} is the score of the two together. The score of all of them at the thresholds tuned on all of them
 * (optimistic) is {@code tunedMap}. With a single validation image the two are the same.
 */
public final class Validator {
  private static final float[] SCORES = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f};

  private final Dataset dataset;
  private final List<String> ids;
  private final int minArea;
  private final int numClasses;
  private final float[] masks;

  /** @param maskThreshold the configuration's {@code mask_thr}: the middle of the mask thresholds tried */
  public Validator(Dataset dataset, List<String> ids, int minArea, int numClasses, float maskThreshold) {
    this.dataset = dataset;
    this.ids = ids;
    this.minArea = minArea;
    this.numClasses = numClasses;
    this.masks = new float[] {Math.max(0.05f, maskThreshold - 0.1f), maskThreshold, Math.min(0.95f, maskThreshold + 0.1f)};
  }

  public ValidationResult validate(Predictor predictor) {
    long t0 = System.nanoTime();
    Map<String, List<PastedMask>> predictions = new LinkedHashMap<>();
    for (String id : ids) {
      predictions.put(id, predictor.predict(GrayImage.read(dataset.imagePath(id))));
    }
    Solution all = dataset.solution(ids);
    // the metric is a mean over images: each choice of thresholds is scored once, image by image, on all of them
    Map<PredictionThresholds, ScoreReport> scored = new HashMap<>();
    Function<PredictionThresholds, ScoreReport> scoreAll =
        t -> scored.computeIfAbsent(t, x -> score(all, predictions, x));
    Tuned tuned = tune(scoreAll, Set.copyOf(ids));
    ScoreReport reported = tuned.report();
    List<List<String>> halves = halves(all);
    if (!halves.get(1).isEmpty()) {
      PredictionThresholds onA = tune(scoreAll, Set.copyOf(halves.get(0))).thresholds();
      PredictionThresholds onB = tune(scoreAll, Set.copyOf(halves.get(1))).thresholds();
      List<ImageResult> crossed = new ArrayList<>(scoreAll.apply(onB).where(r -> halves.get(0).contains(r.id())).images());
      crossed.addAll(scoreAll.apply(onA).where(r -> halves.get(1).contains(r.id())).images());
      reported = new ScoreReport(crossed);
    }
    return new ValidationResult(reported.score(), reported.cellTypeScores(), tuned.report().score(),
        tuned.thresholds(), ids.size(), (System.nanoTime() - t0) / 1e9);
  }

  private record Tuned(PredictionThresholds thresholds, ScoreReport report) {}

  /**
   * The grid's best thresholds on the images {@code on} (then, with cell types, one pass of per-class ascent);
   * {@code scoreAll} scores a choice on all validation images.
   */
  private Tuned tune(Function<PredictionThresholds, ScoreReport> scoreAll, Set<String> on) {
    ScoreReport best = null;
    PredictionThresholds bestT = null;
    for (float m : masks) {
      for (float s : SCORES) {
        PredictionThresholds t = new PredictionThresholds(s, m, minArea);
        ScoreReport r = scoreAll.apply(t).where(x -> on.contains(x.id()));
        if (best == null || r.score() > best.score()) {
          best = r;
          bestT = t;
        }
      }
    }
    if (numClasses > 1) {
      float[] per = new float[numClasses];
      java.util.Arrays.fill(per, bestT.score());
      for (int c = 0; c < numClasses; c++) {
        for (float s : SCORES) {
          float[] trial = per.clone();
          trial[c] = s;
          PredictionThresholds t = bestT.withClassScores(trial);
          ScoreReport r = scoreAll.apply(t).where(x -> on.contains(x.id()));
          if (r.score() > best.score()) {
            best = r;
            per = trial;
          }
        }
      }
      bestT = bestT.withClassScores(per);
    }
    return new Tuned(bestT, best);
  }

  /** Two halves of the images, alternating within each cell type (in the order given). */
  static List<List<String>> halves(Solution solution) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<List<String>> out = List.of(new ArrayList<>(), new ArrayList<>());
    int offset = 0;
    for (SolutionImage img : solution.images()) {
      int n = seen.merge(img.cellType(), 1, Integer::sum);
      if (n == 1) {
        offset ^= 1; // a type's first image goes to the half the previous type's first did not
      }
      out.get((n + offset) % 2).add(img.id());
    }
    return out;
  }

  static ScoreReport score(Solution solution, Map<String, List<PastedMask>> predictions, PredictionThresholds t) {
    Map<String, List<RunMask>> selected = new LinkedHashMap<>();
    for (SolutionImage img : solution.images()) {
      List<PastedMask> p = predictions.getOrDefault(img.id(), new ArrayList<>());
      selected.put(img.id(), InstanceSelector.select(p, t, img.width(), img.height()));
    }
    return Scorer.score(solution, new Submission(selected));
  }
}
