/**
 * Submission files on disk: an upload is checked (gzip integrity, decompressed size), written compressed to a
 * staging file, then moved to {@code submissions/<competition>/<id>.csv.gz} in the transaction that records it,
 * and made read-only.
 */
package org.cellarena.web.files;
