package org.cellarena.model.structures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NmsTest {

  /** The definition: repeatedly take the best remaining box, drop every remaining box overlapping it > t. */
  private static int[] bruteForce(float[] boxes, float[] scores, int[] groups, float t) {
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      remaining.add(i);
    }
    List<Integer> keep = new ArrayList<>();
    while (!remaining.isEmpty()) {
      int best = remaining.get(0);
      for (int i : remaining) {
        if (scores[i] > scores[best]) {
          best = i;
        }
      }
      keep.add(best);
      List<Integer> next = new ArrayList<>();
      for (int i : remaining) {
        boolean sameGroup = groups == null || groups[i] == groups[best];
        if (i != best && !(sameGroup && Boxes.iou(boxes, i, boxes, best) > t)) {
          next.add(i);
        }
      }
      remaining = next;
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void matchesBruteForceOnRandomClusters() {
    Random r = new Random(7);
    for (int trial = 0; trial < 30; trial++) {
      int n = 50 + r.nextInt(150);
      float[] boxes = new float[4 * n];
      float[] scores = new float[n];
      int[] groups = new int[n];
      for (int i = 0; i < n; i++) {
        float cx = r.nextInt(5) * 30 + r.nextFloat() * 10, cy = r.nextInt(5) * 30 + r.nextFloat() * 10;
        float w = 10 + r.nextFloat() * 20, h = 10 + r.nextFloat() * 20;
        boxes[4 * i] = cx - w / 2;
        boxes[4 * i + 1] = cy - h / 2;
        boxes[4 * i + 2] = cx + w / 2;
        boxes[4 * i + 3] = cy + h / 2;
        scores[i] = r.nextFloat();
        groups[i] = r.nextInt(2);
      }
      for (float t : new float[] {0.3f, 0.5f, 0.7f}) {
        assertArrayEquals(bruteForce(boxes, scores, null, t), Nms.nms(boxes, scores, t, -1));
        assertArrayEquals(bruteForce(boxes, scores, groups, t), Nms.batched(boxes, scores, groups, t, -1));
      }
    }
  }

  @Test
  void matchesBruteForceOnProposalsSpreadOverAnImage() {
    // as the RPN's: 2000 boxes of mixed sizes over 1333x985, a few very large, some degenerate
    Random r = new Random(11);
    int n = 2000;
    float[] boxes = new float[4 * n];
    float[] scores = new float[n];
    int[] groups = new int[n];
    for (int i = 0; i < n; i++) {
      float w = i % 97 == 0 ? 400 + r.nextFloat() * 500 : i % 89 == 0 ? 0 : 8 + r.nextFloat() * 60;
      float h = i % 97 == 0 ? 300 + r.nextFloat() * 500 : 8 + r.nextFloat() * 60;
      float x = r.nextFloat() * (1333 - w), y = r.nextFloat() * (985 - h);
      boxes[4 * i] = x;
      boxes[4 * i + 1] = y;
      boxes[4 * i + 2] = x + w;
      boxes[4 * i + 3] = y + h;
      scores[i] = r.nextInt(500) / 500f; // ties
      groups[i] = r.nextInt(3);
    }
    for (float t : new float[] {0.1f, 0.5f, 0.7f}) {
      assertArrayEquals(bruteForce(boxes, scores, null, t), Nms.nms(boxes, scores, t, -1));
      assertArrayEquals(bruteForce(boxes, scores, groups, t), Nms.batched(boxes, scores, groups, t, -1));
    }
  }

  @Test
  void maxKeepTruncatesToTheBest() {
    float[] boxes = {0, 0, 10, 10, 20, 20, 30, 30, 40, 40, 50, 50};
    float[] scores = {0.2f, 0.9f, 0.5f};
    assertArrayEquals(new int[] {1, 2}, Nms.nms(boxes, scores, 0.5f, 2));
  }
}
