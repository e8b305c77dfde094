/**
 * Generated data that looks like the Sartorius phase-contrast images: cells are drawn as optical thickness
 * (bodies, granules, neurite webs, star-shaped astrocytes, unannotated debris), then imaged through a simple
 * phase-contrast model (the thickness minus its blurred self: dark bodies, bright halos) over a nearly flat,
 * faintly noisy background. The harness README compares their statistics with real images'.
 * The ground truth is each cell's body mask, overlapping where cells overlap. Deterministic per seed.
 *
 * <p>{@link org.cellarena.harness.demodata.DemoDataGenerator} writes a whole dataset in the Kaggle layout;
 * {@link org.cellarena.harness.demodata.ImageSynthesizer} makes one image.
 */
package org.cellarena.harness.demodata;
