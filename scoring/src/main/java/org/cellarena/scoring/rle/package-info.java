/** Masks kept as sorted runs of row-major pixel indices, the competition's RLE text and COCO's column-major RLE. */
package org.cellarena.scoring.rle;
