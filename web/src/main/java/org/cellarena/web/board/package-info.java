/**
 * Leaderboards (public, and private after the reveal), each computed from the database once per change and then
 * served from memory, and the daily submission quota.
 */
package org.cellarena.web.board;
