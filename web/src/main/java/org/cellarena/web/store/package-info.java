/**
 * The database: teams, submissions, scoring results, reveals, settings and the audit log, through plain JDBC
 * (H2 by default). Every method here blocks; callers on the event loop go through
 * {@code executeBlocking}. {@link org.cellarena.web.store.Migrations} creates and upgrades the schema on start.
 */
package org.cellarena.web.store;
