/**
 * What the API ({@code api}) and the pages ({@code pages}) share, below both: who is calling
 * ({@link org.cellarena.web.http.Access}, {@link org.cellarena.web.http.Caller}), the competition or submission a
 * path names ({@link org.cellarena.web.http.Lookup}), JSON answers and errors
 * ({@link org.cellarena.web.http.Replies}: the one place where a {@link org.cellarena.web.refusal.Refusal} becomes
 * an HTTP status), the fallbacks after all routes, and the HTTP server itself ({@link
 * org.cellarena.web.http.HttpVerticle}, {@link org.cellarena.web.http.ConnectionGuard}).
 * Every error is JSON: {@code {"error": "...", "status": 4xx}}.
 */
package org.cellarena.web.http;
