/**
 * The assembled model, detectron2's meta-architecture: {@link org.cellarena.model.rcnn.MaskRcnn} (backbone, FPN,
 * RPN) with its RoI heads and the flip test-time augmentation around it, the model configuration, detections and
 * the weights file.
 */
package org.cellarena.model.rcnn;
