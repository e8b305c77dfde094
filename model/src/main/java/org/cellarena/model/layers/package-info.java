/**
 * What every model part builds on, below them all: {@link org.cellarena.model.layers.LazyBlock}, the losses, the
 * loss parts of a step and the step profile.
 */
package org.cellarena.model.layers;
