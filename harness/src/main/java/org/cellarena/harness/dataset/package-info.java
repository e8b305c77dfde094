/**
 * Datasets in the Kaggle layout ({@code train.csv}, {@code train/}, {@code test/}, {@code train_semi_supervised/},
 * read by {@link org.cellarena.model.data.Dataset}): writing, PNG input/output (8 and 16 bit, through OpenCV) and
 * the COCO JSON import (LIVECell's format) into the same form.
 */
package org.cellarena.harness.dataset;
