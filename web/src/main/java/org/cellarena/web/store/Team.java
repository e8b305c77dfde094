package org.cellarena.web.store;

import java.time.Instant;

/** A team that submits. Its token is never stored, only its hash. */
public record Team(long id, String name, Instant createdAt) {}
