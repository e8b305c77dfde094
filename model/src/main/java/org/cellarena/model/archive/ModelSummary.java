package org.cellarena.model.archive;

/**
 * A checked model: the SHA-256 of its weights file (hex), its learnable parameter count, and one line that
 * describes it ({@code ResNeSt FPN Mask R-CNN, stage blocks [1, 1, 1, 1], 1 class, 1.41 M parameters, flip TTA
 * off, thresholds tuned on validation}).
 */
public record ModelSummary(String weightsSha256, long parameters, String description) {}
