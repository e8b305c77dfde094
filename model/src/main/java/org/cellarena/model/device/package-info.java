/** The device check: one training iteration and a prediction of the seed config on an accelerator. */
package org.cellarena.model.device;
