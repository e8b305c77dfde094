/**
 * RoI heads: aligned RoIAlign as separable matrix products, the level mapper, the Shared4Conv1FC box head, the FCN
 * mask head with its transposed conv, the R-CNN training targets (boxes and 28x28 masks) and the box and mask losses.
 */
package org.cellarena.model.roi;
