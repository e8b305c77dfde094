/**
 * The competition's CSV files: the solution (the {@code train.csv} layout with an optional {@code Usage} column)
 * and submissions ({@code id,predicted}), read as streams and validated with line-level problems.
 */
package org.cellarena.scoring.io;
