/**
 * The HTTP API. {@link org.cellarena.web.api.ApiRouter} is the route table; each {@code *Api} class answers one
 * area (competitions, submissions, admin), {@link org.cellarena.web.api.StatusStream} pushes a submission's
 * status over server-sent events; the route table mounts the pages ({@link org.cellarena.web.pages.Pages}) after
 * the API.
 * Every error is JSON: {@code {"error": "...", "status": 4xx}}. web/API.md documents it all.
 */
package org.cellarena.web.api;
