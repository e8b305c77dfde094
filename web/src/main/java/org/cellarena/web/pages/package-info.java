/**
 * The browser pages of the server. {@link org.cellarena.web.pages.Pages} (mounted after the API by the wiring; it
 * uses {@code http} below it, never the API) serves each page URL's HTML from {@code webroot/} and the overlay
 * endpoint {@code GET /api/submissions/{sid}/overlay/{imageId}.png|.json?threshold=t};
 * {@link org.cellarena.web.pages.OverlayRenderer} draws the overlays. The pages themselves are plain HTML, CSS and
 * ES modules under {@code src/main/resources/webroot} (no external code, so they work offline):
 *
 * <ul>
 *   <li>{@code /}: the competitions;
 *   <li>{@code /competitions/{id}}: the public leaderboard (and the private one after the reveal);
 *   <li>{@code /competitions/{id}/team}: sign in with the team token (kept in localStorage), upload by drag and
 *       drop or file picker with progress, the live status over server-sent events, the team's submissions;
 *   <li>{@code /submissions/{sid}}: score and interval, precision per threshold, score per cell type, error
 *       totals, the per-image table (Public images, worst first, sortable, filterable) and the overlay viewer;
 *   <li>{@code /competitions/{id}/diff?a=&b=}: two submissions compared image by image, overlays side by side;
 *   <li>{@code /admin}: teams and tokens, reveal, rescore, export, the audit log.
 * </ul>
 */
package org.cellarena.web.pages;
