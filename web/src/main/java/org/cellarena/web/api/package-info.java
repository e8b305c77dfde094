/**
 * The HTTP API. {@link org.cellarena.web.api.ApiRouter} is the route table, by audience (the public, a team, the
 * host); each {@code *Api} class answers one area (competitions, submissions, admin) and is given the stores it
 * uses, {@link org.cellarena.web.api.StatusStream} pushes a submission's status over server-sent events. It uses
 * {@code http} below it and never the pages. Every error is JSON: {@code {"error": "...", "status": 4xx}}.
 * web/API.md documents it all.
 */
package org.cellarena.web.api;
