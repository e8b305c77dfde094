package org.cellarena.web.files;

import java.nio.file.Path;

/**
 * An upload written to a staging file, gzip-compressed, not yet a submission.
 *
 * @param sha256 hash of the uncompressed content
 */
public record StagedUpload(Path file, long storedBytes, String sha256) {}
