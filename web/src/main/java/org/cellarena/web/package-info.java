/**
 * The CellArena evaluation server. {@link org.cellarena.web.Server#start} composes it from a
 * {@link org.cellarena.web.ServerConfig}, and {@code Routes} gives each HTTP handler the parts it uses.
 *
 * <p>The arrows point down only (checked by {@code ArchitectureTest}):
 * <pre>
 * cli                                   the commands
 * org.cellarena.web                     the wiring: Server, Routes, ScoringWorker
 * api | pages                           the HTTP API and the browser pages, siblings that never import each other
 * http                                  what both share: Access, Caller, Lookup, Replies (Refusal to HTTP status)
 * intake, board, scoring, metrics,      uploads, leaderboards and quotas, the scoring queue, gauges, tokens,
 *   auth, files                           stored files
 * store                                 the database
 * competition, csv, refusal             competitions on disk, the CSV writer, why a request is refused
 * </pre>
 */
package org.cellarena.web;
