/**
 * Training: the trainer loop with per-iteration NDManagers and its hooks (metrics, progress, validation,
 * checkpoints and resume, the loss-curve PNG), SGD with momentum, the time or iteration budget, and weights from
 * another run ({@code --init-from}; pretrained weights: {@code org.cellarena.model.pretrained}).
 */
package org.cellarena.model.train;
