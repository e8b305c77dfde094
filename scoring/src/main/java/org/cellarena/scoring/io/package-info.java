/**
 * The competition's CSV files: the solution (the {@code train.csv} layout with an optional {@code Usage} column)
 * and submissions ({@code id,predicted}), read as streams and validated with line-level problems, and written
 * ({@link org.cellarena.scoring.io.SolutionWriter}, {@link org.cellarena.scoring.io.SubmissionWriter}): the one
 * home of both formats.
 */
package org.cellarena.scoring.io;
