/** Who may do what: the admin token, team bearer tokens (stored hashed) and the per-token rate limit. */
package org.cellarena.web.auth;
