/**
 * Validation splits: which images are for training, which for validation and which are held out (scored by the
 * server, never seen by participants). Seeded, stratified by a column (cell type by default), grouped by a
 * column (e.g. sample_id, so no sample lies in two parts), with a k-fold form that rotates {@code val} over the
 * images that are not held out. The result is a {@link org.cellarena.harness.split.SplitManifest}, a JSON file.
 */
package org.cellarena.harness.split;
