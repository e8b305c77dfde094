/**
 * The Sartorius competition metric on run-length-encoded masks. {@code rle}: masks as sorted runs and the
 * codecs; {@code io}: the solution and submission CSV readers with their validation; {@code metric}: matching,
 * per-image scores, breakdowns and the aggregate report. Depends on the JDK only.
 */
package org.cellarena.scoring;
