/**
 * The CellArena evaluation server. {@link org.cellarena.web.Server#start} builds it from a
 * {@link org.cellarena.web.ServerConfig}: competitions ({@code competition}), the database ({@code store}),
 * stored files ({@code files}), the scoring queue ({@code scoring}), leaderboards and quotas ({@code board}),
 * tokens ({@code auth}) and the HTTP API ({@code api}); the pages ({@code pages}) mount on the same router.
 */
package org.cellarena.web;
