/**
 * Integration tests over real HTTP: each starts the server on a free port with a temporary data dir, the real
 * H2 database and the example competition, and talks to it with the JDK's HTTP client.
 */
package org.cellarena.web.api;
