/**
 * Validation during training: predicts the validation images (through {@code predict}), scores them with the
 * competition metric and tunes the score and mask thresholds.
 */
package org.cellarena.model.validate;
