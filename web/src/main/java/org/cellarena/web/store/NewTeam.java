package org.cellarena.web.store;

/** A team just created, with its bearer token: shown this once and never again. */
public record NewTeam(Team team, String token) {}
