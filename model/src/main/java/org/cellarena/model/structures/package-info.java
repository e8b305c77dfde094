/**
 * Box structures on CPU arrays: boxes and IoU, the delta box coder, the max-IoU assigner, the random sampler and
 * non-maximum suppression (DJL's PyTorch engine has no NMS).
 */
package org.cellarena.model.structures;
