package org.cellarena.web.inference;

/**
 * What a checked model is.
 *
 * @param weightsSha256 the SHA-256 of the weights file, hex
 * @param description one line for the team and the host, e.g. "ResNeSt-50 FPN Mask R-CNN, 3 classes, 43.9 M
 *     parameters, flip TTA"
 */
public record ModelSummary(String weightsSha256, String description) {}
