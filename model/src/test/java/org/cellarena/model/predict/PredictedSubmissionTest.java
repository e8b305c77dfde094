package org.cellarena.model.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.io.SubmissionWriter;
import org.cellarena.scoring.io.SubmissionWriter.PredictedImage;
import org.cellarena.scoring.io.Usage;
import org.cellarena.scoring.rle.RunMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions from the predictor's post-processing are valid by construction: an image without cells, an image
 * with one cell, and an image of many touching, overlapping detections (overlaps removed, higher score wins).
 */
class PredictedSubmissionTest {

  private static PastedMask square(int x0, int y0, int side, float score) {
    float[] p = new float[side * side];
    java.util.Arrays.fill(p, 0.9f);
    return new PastedMask(x0, y0, side, side, p, score, 0);
  }

  @Test
  void noCellsOneCellAndManyTouchingCells(@TempDir Path tmp) throws Exception {
    PredictionThresholds t = new PredictionThresholds(0.5f, 0.5f, 5);
    List<RunMask> none = InstanceSelector.select(List.of(square(2, 2, 10, 0.3f)), t, 64, 48); // below the score
    List<RunMask> one = InstanceSelector.select(List.of(square(5, 5, 10, 0.9f)), t, 64, 48);
    List<PastedMask> crowd = new ArrayList<>();
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        crowd.add(square(x * 8, y * 8, 12, 0.6f + 0.01f * (x + y))); // 12 px cells on an 8 px grid: overlapping
      }
    }
    crowd.add(square(60, 40, 8, 0.99f)); // partly outside the image: cropped to the image
    List<RunMask> many = InstanceSelector.select(crowd, t, 64, 48);
    assertEquals(0, none.size());
    assertEquals(1, one.size());
    assertEquals(100, one.get(0).area());
    assertTrue(many.size() >= 30, "cells kept: " + many.size());

    Path out = tmp.resolve("sub.csv");
    SubmissionWriter.writeChecked(out, List.of(
        new PredictedImage("empty", 64, 48, none),
        new PredictedImage("single", 64, 48, one),
        new PredictedImage("crowd", 64, 48, many)));
    List<String> lines = Files.readAllLines(out);
    assertEquals("id,predicted", lines.get(0));
    assertTrue(lines.contains("empty,"));
    assertEquals(1 + 1 + 1 + many.size(), lines.size());

    List<SolutionImage> truth = new ArrayList<>();
    for (String id : List.of("empty", "single", "crowd")) {
      truth.add(new SolutionImage(id, 64, 48, "cort", Usage.PUBLIC, List.of(), Map.of()));
    }
    Submission read = new SubmissionReader(new Solution(truth)).read(out); // throws if invalid
    assertEquals(many.size(), read.masks("crowd").size());
    boolean[] seen = new boolean[64 * 48];
    for (RunMask m : read.masks("crowd")) {
      boolean[] d = m.toDense();
      for (int i = 0; i < d.length; i++) {
        if (d[i]) {
          assertTrue(!seen[i], "pixel " + i + " predicted twice");
          seen[i] = true;
        }
      }
    }
    // the highest-scoring cell keeps its whole (in-image) square
    assertTrue(read.masks("crowd").stream().anyMatch(m -> m.area() == 4 * 8));
  }
}
