package org.cellarena.web.store;

import java.time.Instant;

/**
 * A model submission's archive and the server's inference of it.
 *
 * @param modelFile the stored archive, relative to the data dir
 * @param weightsSha256 the SHA-256 of its weights file, hex
 * @param description the runner's one line about the checked model (null for rows older than it)
 * @param startedAt when its (last) inference started; null before
 * @param seconds how long its inference ran, loading included; null before it ended
 * @param progress while it runs, e.g. "image 120 of 240"
 * @param detailJson after it ran: device, engine, seconds per image (see the inference lane)
 * @param worker the lease owner while it runs
 */
public record ModelRun(String modelFile, String weightsSha256, String description, Instant startedAt, Double seconds, String progress,
    String detailJson, String worker) {}
