package org.cellarena.web.inference;

/**
 * What a finished inference did.
 *
 * @param images images predicted
 * @param cells cells written
 * @param seconds wall time, loading included
 * @param device where it ran, e.g. "cpu" or "gpu(0) NVIDIA H100"
 * @param engine the engine and its native library, e.g. "PyTorch 2.5.1 (DJL 0.33.0)"
 */
public record InferenceResult(int images, int cells, double seconds, String device, String engine) {}
