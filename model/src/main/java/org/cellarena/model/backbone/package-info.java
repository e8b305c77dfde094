/**
 * The ResNeSt backbone as DJL blocks: deep stem, split-attention bottlenecks, stages returning C2..C5, and the
 * normalisation layers (BatchNorm, or GroupNorm built from single-axis means).
 */
package org.cellarena.model.backbone;
