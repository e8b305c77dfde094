package org.cellarena.web.store;

/**
 * What a scored submission's masks looked like, for the host's probing flags (see {@code ProbeFlags}).
 *
 * @param masks predicted masks in the file
 * @param tinyMasks those of fewer than {@code ProbeFlags.TINY_PIXELS} pixels
 * @param predictedImages images with at least one predicted mask
 */
public record MaskCounts(int masks, int tinyMasks, int predictedImages) {}
