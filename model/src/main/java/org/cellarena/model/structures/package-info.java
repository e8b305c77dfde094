/**
 * Box structures on CPU arrays: boxes and IoU, the delta box coder, the max-IoU assigner, the random sampler and
 * non-maximum suppression (DJL's PyTorch engine has no NMS),
 * and the concatenation and selection of flat arrays.
 */
package org.cellarena.model.structures;
