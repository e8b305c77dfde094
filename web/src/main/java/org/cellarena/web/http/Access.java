package org.cellarena.web.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.Optional;
import org.cellarena.web.auth.AdminToken;
import org.cellarena.web.auth.RateLimiter;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Team;
import org.cellarena.web.store.Teams;
import org.cellarena.web.store.Tokens;

/**
 * Authentication and the per-token rate limit, as route handlers. The token comes from
 * {@code Authorization: Bearer <token>}; only on the routes whose GET requests a browser makes by itself (an
 * EventSource, an image: {@link #teamOrAdminFromBrowser}) may it come from the {@code access_token} query
 * parameter, which ends up in logs and histories. The caller is then in {@link #caller}. A disabled team is
 * refused everything (403), and on the routes of a competition ({@code :cid}) so is a team that does not take part
 * in it.
 *
 * <p>The handlers are {@link SecurityPolicyHandler}s so that Vert.x runs them before a body handler: a bad token
 * is refused before a large upload is read.
 */
public final class Access {
  private final AdminToken adminToken;
  private final Teams teams;
  private final Competitions competitions;
  private final RateLimiter rateLimiter;

  public Access(AdminToken adminToken, Teams teams, Competitions competitions, RateLimiter rateLimiter) {
    this.adminToken = adminToken;
    this.teams = teams;
    this.competitions = competitions;
    this.rateLimiter = rateLimiter;
  }

  /** Lets a team through. */
  public Handler<RoutingContext> team() {
    return (SecurityPolicyHandler) ctx -> authenticate(ctx, false, true, false);
  }

  /** Lets the admin through. */
  public Handler<RoutingContext> admin() {
    return (SecurityPolicyHandler) ctx -> authenticate(ctx, true, false, false);
  }

  /** Lets a team or the admin through. */
  public Handler<RoutingContext> teamOrAdmin() {
    return (SecurityPolicyHandler) ctx -> authenticate(ctx, true, true, false);
  }

  /** Lets a team or the admin through, the token also taken from {@code ?access_token=} on a GET. */
  public Handler<RoutingContext> teamOrAdminFromBrowser() {
    return (SecurityPolicyHandler) ctx -> authenticate(ctx, true, true, true);
  }

  /** The caller that a handler above let through. */
  public static Caller caller(RoutingContext ctx) {
    return ctx.get(Caller.KEY);
  }

  private void authenticate(RoutingContext ctx, boolean adminAllowed, boolean teamAllowed, boolean queryAllowed) {
    String token = token(ctx, queryAllowed);
    if (token == null) {
      refuse(ctx, Refusal.Reason.UNAUTHENTICATED,
          "this needs a token: send the header Authorization: Bearer <token>");
      return;
    }
    if (adminToken.matches(token)) {
      if (!withinRateLimit(ctx, "token " + Tokens.hash(token))) {
        return;
      }
      if (adminAllowed) {
        ctx.put(Caller.KEY, Caller.theAdmin());
        ctx.next();
      } else {
        refuse(ctx, Refusal.Reason.FORBIDDEN, "this is for teams: use a team token, not the admin token");
      }
      return;
    }
    ctx.request().pause();
    String competition = ctx.pathParam("cid");
    ctx.vertx().executeBlocking(() -> lookUp(token, competition), false).onComplete(ar -> {
      Optional<Team> team = ar.succeeded() ? ar.result().team() : Optional.empty();
      // a valid token is limited by itself; invalid ones by the address they come from (guessing is slow)
      String limitKey = team.isPresent() ? "token " + Tokens.hash(token)
          : "address " + ctx.request().remoteAddress().hostAddress();
      Refusal barred = ar.succeeded() ? ar.result().barred() : null;
      if (team.isPresent() && teamAllowed && barred == null && withinRateLimit(ctx, limitKey)) {
        ctx.put(Caller.KEY, Caller.of(team.get()));
        if (!hasBody(ctx)) {
          ctx.request().resume();
        }
        ctx.next(); // a request with a body stays paused: the next handler reads it and resumes it
        return;
      }
      ctx.request().resume();
      if (ctx.failed()) {
        return; // over the rate limit, answered
      } else if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (team.isEmpty()) {
        if (withinRateLimit(ctx, limitKey)) {
          refuse(ctx, Refusal.Reason.UNAUTHENTICATED, "the token is not valid");
        }
      } else if (!teamAllowed) {
        refuse(ctx, Refusal.Reason.FORBIDDEN, "this is for the admin: a team token cannot do it");
      } else {
        ctx.fail(barred);
      }
    });
  }

  /** A token's team, and why it may not go on (null when it may). */
  private record Found(Optional<Team> team, Refusal barred) {}

  /**
   * The token's team and, when it has one, whether it may act at all: a disabled team reads and changes nothing,
   * and a team touches only the competitions it takes part in (blocking: it may query the database).
   */
  private Found lookUp(String token, String competition) {
    Optional<Team> team = teams.byToken(token);
    if (team.isEmpty()) {
      return new Found(team, null);
    }
    Team t = team.get();
    if (t.disabled()) {
      return new Found(team, Refusal.forbidden("your team is disabled by the host: it can neither read nor change "
          + "anything until the host enables it again; ask the host why"));
    }
    boolean known = competition != null && competitions.find(competition).isPresent();
    if (known && !teams.takesPart(t.id(), competition)) {
      return new Found(team, Refusal.forbidden("your team does not take part in the competition " + competition
          + ": register there with its code, or ask the host to add your team"));
    }
    return new Found(team, null);
  }

  /** Takes one request from the key's allowance; when there is none left, answers 429 and returns false. */
  private boolean withinRateLimit(RoutingContext ctx, String key) {
    Refusal refusal = takeFromAllowance(key);
    if (refusal == null) {
      return true;
    }
    ctx.fail(refusal);
    return false;
  }

  /** Takes one request from the key's allowance: null when allowed, else the 429 to answer. */
  public Refusal takeFromAllowance(String key) {
    long waitMillis = rateLimiter.acquire(key);
    if (waitMillis == 0) {
      return null;
    }
    long seconds = Math.max(1, (waitMillis + 999) / 1000);
    return new Refusal(Refusal.Reason.TOO_MANY, "too many requests; the limit is " + rateLimiter.perMinute()
        + " a minute per token; retry in " + seconds + " s", seconds);
  }

  private static boolean hasBody(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    return (length != null && !length.equals("0")) || ctx.request().getHeader("Transfer-Encoding") != null;
  }

  /** The token of an {@code Authorization: Bearer <token>} header; null without one (or a malformed one). */
  public static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
      return header.substring(7).strip();
    }
    return null;
  }

  private static void refuse(RoutingContext ctx, Refusal.Reason reason, String message) {
    if (reason == Refusal.Reason.UNAUTHENTICATED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"cellarena\"");
    }
    ctx.fail(new Refusal(reason, message));
  }

  private static String token(RoutingContext ctx, boolean queryAllowed) {
    if (ctx.request().getHeader("Authorization") != null) {
      return bearer(ctx);
    }
    if (queryAllowed && ctx.request().method().name().equals("GET")) {
      String query = ctx.request().getParam("access_token");
      return query == null || query.isBlank() ? null : query.strip();
    }
    return null;
  }
}
