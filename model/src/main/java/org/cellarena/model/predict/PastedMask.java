package org.cellarena.model.predict;

/**
 * A detection's mask probabilities pasted at full image resolution, cropped to {@code [x0, x0+width) x
 * [y0, y0+height)}, with its score and class label.
 */
public record PastedMask(int x0, int y0, int width, int height, float[] prob, float score, int label) {}
