/** Auto-submission: uploads a predicted submission to a CellArena server over HTTP and waits for its score. */
package org.cellarena.model.submit;
