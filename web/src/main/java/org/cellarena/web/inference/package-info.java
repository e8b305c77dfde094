/**
 * Model competitions' inference: the {@link org.cellarena.web.inference.ModelRunner} a model module plugs in, and
 * the lane that runs teams' models on the hidden test images before the scoring queue scores what they wrote.
 */
package org.cellarena.web.inference;
