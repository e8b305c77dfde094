/**
 * {@link org.cellarena.web.refusal.Refusal}: why a request is turned down, in the server's own terms. The bottom
 * of the web module: it depends on nothing of it, and every layer may throw it; only the HTTP layer
 * ({@code org.cellarena.web.http}) turns a reason into a status code.
 */
package org.cellarena.web.refusal;
