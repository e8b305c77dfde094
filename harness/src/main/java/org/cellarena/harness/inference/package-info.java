/**
 * The server's {@link org.cellarena.web.inference.ModelRunner} on DJL: a thin adapter over the model module's
 * archive checks and prediction, found by the web module through {@code ServiceLoader}
 * ({@code META-INF/services}).
 */
package org.cellarena.harness.inference;
