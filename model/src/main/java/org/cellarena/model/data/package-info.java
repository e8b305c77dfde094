/**
 * The data pipeline: Kaggle-layout datasets, OpenCV image loading (8/16-bit, gray), ground-truth masks from the
 * competition's RLE, augmentation (multi-scale keep-ratio resize, flips, photometric distortion), normalisation,
 * padded batches built on background threads, and train/val splits.
 */
package org.cellarena.model.data;
