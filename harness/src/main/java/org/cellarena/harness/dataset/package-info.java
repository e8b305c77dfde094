/**
 * Datasets in the Kaggle layout ({@code train.csv}, {@code train/}, {@code test/}, {@code train_semi_supervised/}):
 * reading with checks, writing, PNG input/output (8 and 16 bit, through OpenCV) and the COCO JSON import
 * (LIVECell's format) into the same form.
 */
package org.cellarena.harness.dataset;
