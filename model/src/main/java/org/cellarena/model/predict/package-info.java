/**
 * Prediction: whole-image inference with optional flip test-time augmentation, mask pasting at full resolution,
 * thresholds, overlap removal, and submissions that the scoring module validates before they are written.
 */
package org.cellarena.model.predict;
