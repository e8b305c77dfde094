package org.cellarena.web.store;

import java.time.Instant;

/**
 * A team that submits. Its token is never stored, only its hash.
 *
 * @param disabled set by the host: its uploads are refused and its rows are off the boards
 * @param benchmark set by the host: a reference row (a baseline), shown as such on the boards
 */
public record Team(long id, String name, Instant createdAt, boolean disabled, boolean benchmark) {}
