/**
 * Competitions as folders on disk: {@code competition.json}, {@code solution.csv} (held-out masks with a Usage
 * column) and an optional {@code test/} of held-out images. {@link org.cellarena.web.competition.Competitions}
 * loads them once at start.
 */
package org.cellarena.web.competition;
