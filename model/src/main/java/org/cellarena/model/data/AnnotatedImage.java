package org.cellarena.model.data;

/** An image with its ground truth: masks (cropped bitmaps) and their class labels. */
public record AnnotatedImage(String id, GrayImage image, GtMask[] masks, int[] labels) {}
