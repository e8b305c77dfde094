/**
 * Training: JSON configurations with {@code --set} overrides, the SGD schedule (warm-up, step decay, optional time
 * budget), SGD with momentum, the loop with per-iteration NDManagers, validation with the competition metric and
 * threshold tuning, checkpoints and resume, {@code metrics.jsonl}, the loss-curve PNG and the progress bar
 * (pretrained weights: {@code org.cellarena.model.pretrained}).
 */
package org.cellarena.model.train;
