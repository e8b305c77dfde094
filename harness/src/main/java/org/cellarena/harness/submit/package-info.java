/**
 * The participant's HTTP client to the CellArena server: upload a submission
 * ({@code POST /api/competitions/{id}/submissions} with the team's bearer token) and follow it
 * ({@code GET /api/submissions/{sid}}) to its score or its failure reason. Plain {@code java.net.http}.
 */
package org.cellarena.harness.submit;
