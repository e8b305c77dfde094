package org.cellarena.web.api;

import org.cellarena.web.http.Replies;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Teams;
import org.cellarena.web.store.AuditLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.cellarena.web.auth.RateLimiter;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.store.NewTeam;

/**
 * Participants registering a team on the site with the host's code. Guessing the code is bounded twice: per client
 * address, and on the whole server (many addresses together); and a code shorter than {@link #MIN_CODE_LENGTH}
 * admits nobody.
 */
public final class RegistrationApi {
  /** A code of at least 12 characters, even only lower-case letters, is 56 bits: out of reach at these rates. */
  static final int MIN_CODE_LENGTH = 12;
  /** Tries a client address may make a minute. */
  static final int PER_ADDRESS_PER_MINUTE = 5;
  /** Tries the whole server accepts a minute, from every address together. */
  static final int PER_SERVER_PER_MINUTE = 30;

  private final Lookup lookup;
  private final Teams teams;
  private final AuditLog audit;
  private final RateLimiter perAddress = new RateLimiter(PER_ADDRESS_PER_MINUTE);
  private final RateLimiter perServer = new RateLimiter(PER_SERVER_PER_MINUTE);

  public RegistrationApi(Lookup lookup, Teams teams, AuditLog audit) {
    this.lookup = lookup;
    this.teams = teams;
    this.audit = audit;
  }

  /**
   * POST /api/competitions/:cid/register {"name", "code"}: creates a team taking part in this competition when
   * the host opened registration with that code; 201 with the token, shown this once.
   */
  void register(RoutingContext ctx) {
    Competition competition = lookup.competition(ctx.pathParam("cid"));
    takeATry(perAddress, "address " + ctx.request().remoteAddress().hostAddress(), "from your address");
    takeATry(perServer, "server", "on this server just now");
    String code = competition.settings().registrationCode();
    if (code == null) {
      throw Refusal.forbidden("the competition " + competition.id() + " has no registration on the site: ask the "
          + "host for a team token");
    }
    if (code.length() < MIN_CODE_LENGTH) {
      throw Refusal.forbidden("registration on " + competition.id() + " is closed: the host's code is shorter than "
          + MIN_CODE_LENGTH + " characters, too easy to guess; the host sets a longer one on the admin page");
    }
    JsonObject body = Replies.jsonBody(ctx);
    if (!(body.getValue("name") instanceof String name) || !(body.getValue("code") instanceof String given)) {
      throw Refusal.badRequest("send {\"name\": \"<team name>\", \"code\": \"<the host's registration code>\"}");
    }
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8))) {
      throw Refusal.forbidden("the registration code is not right");
    }
    Replies.json(ctx, 201, () -> {
      NewTeam created = teams.createIn(name, List.of(competition.id()));
      audit.record("registration", "team.register", "team " + created.team().id(),
          new JsonObject().put("name", created.team().name()).put("competition", competition.id()));
      return new JsonObject().put("id", created.team().id()).put("name", created.team().name())
          .put("token", created.token()).put("created_at", created.team().createdAt().toString())
          .put("competitions", new JsonArray().add(competition.id()));
    });
  }

  private static void takeATry(RateLimiter limiter, String key, String where) {
    long wait = limiter.acquire(key);
    if (wait > 0) {
      long seconds = Math.max(1, (wait + 999) / 1000);
      throw new Refusal(Refusal.Reason.TOO_MANY, "too many registration tries " + where + "; retry in " + seconds
          + " s", seconds);
    }
  }
}
