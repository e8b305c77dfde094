package org.cellarena.model.rcnn;

/**
 * Detections of one image in network-input coordinates: boxes {@code (x1, y1, x2, y2)}, scores, class labels and
 * mask probabilities ({@code maskSize x maskSize} per detection, inside its box), best first.
 */
public record Detections(float[] boxes, float[] scores, int[] labels, float[] masks, int maskSize) {
  public int size() {
    return scores.length;
  }
}
