package org.cellarena.model.data;

/**
 * One network input: normalised pixels {@code (3, height, width)} flattened, ground-truth boxes in input
 * coordinates with their class labels and masks (in original coordinates, see {@link ImageTransform}).
 */
public record Sample(String id, float[] pixels, int height, int width, float[] boxes, int[] labels, GtMask[] masks,
    ImageTransform transform) {}
