/** The neck: the feature pyramid network turning C2..C5 into P2..P6. */
package org.cellarena.model.neck;
