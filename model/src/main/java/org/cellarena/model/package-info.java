/**
 * CellArena's participant model: a ResNeSt FPN Mask R-CNN in DJL's PyTorch engine ({@link
 * org.cellarena.model.rcnn.MaskRcnn}), its training and prediction. Subpackages follow detectron2's split, and
 * their arrows point down only (checked by {@code ArchitectureTest}); a package may use those below it:
 * <pre>
 *   commands    org.cellarena.model (ModelApi), cli, device, submit
 *   archive     model archives: pack, and check before a server runs one
 *   train       the trainer loop and its hooks, SGD, budget, checkpoints, metrics, the loss curve
 *   validate    validation with the competition metric and threshold tuning (runs predict)
 *   predict     whole-image inference, TTA, mask pasting, submissions
 *   config      the JSON configuration with its overrides
 *   rcnn        the assembled model: MaskRcnn, its RoI heads and flip TTA, detections
 *   parts       backbone, neck, proposal, roi, pretrained (weights import)
 *   foundation  layers (LazyBlock, losses, step profile), structures, data, runtime, bench
 * </pre>
 */
package org.cellarena.model;
