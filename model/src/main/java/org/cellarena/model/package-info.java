/**
 * CellArena's participant model: a ResNeSt FPN Mask R-CNN in DJL's PyTorch engine ({@link
 * org.cellarena.model.MaskRcnn}), its configuration, losses and detections. Subpackages follow detectron2's split.
 */
package org.cellarena.model;
