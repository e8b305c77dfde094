/**
 * The Sartorius competition metric on run-length-encoded masks. {@code rle}: masks as sorted runs and the
 * codecs; {@code io}: the solution and submission CSV files, read (streaming, with their validation) and written;
 * {@code metric}: matching, per-image scores, breakdowns and the aggregate report.
 *
 * <p>Arrows point down, {@code metric -> io -> rle} (and {@code metric -> rle}), never back; the module depends on
 * the JDK and commons-csv (for writing) only. {@code ArchitectureTest} checks both.
 */
package org.cellarena.scoring;
