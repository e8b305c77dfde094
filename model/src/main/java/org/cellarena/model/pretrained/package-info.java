/**
 * Pretrained weights: reading a state dict ({@code .npz}, {@code .safetensors}), the source namings it may use
 * (timm ResNeSt, mmdet ResNeSt, a whole mmdet Mask R-CNN) and the importer that copies it into the model.
 */
package org.cellarena.model.pretrained;
