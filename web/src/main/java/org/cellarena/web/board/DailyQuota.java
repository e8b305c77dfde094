package org.cellarena.web.board;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Quotas;

/**
 * The daily submission limit: a team's scored submissions (and those still waiting, which will count unless
 * they fail) since 00:00 UTC. Failed ones do not count against it, but a team makes at most
 * {@link #ATTEMPTS_PER_SUBMISSION} times the limit of attempts a day, failed ones included, so that failures
 * cannot be spammed.
 */
public final class DailyQuota {
  public static final int ATTEMPTS_PER_SUBMISSION = 3;

  private final Quotas quotas;

  public DailyQuota(Quotas quotas) {
    this.quotas = quotas;
  }

  /** Where a team stands today. */
  public record Usage(int limit, int used, Instant resetsAt) {
    public int remaining() {
      return Math.max(0, limit - used);
    }

    public JsonObject toJson() {
      return new JsonObject().put("limit", limit).put("used", used).put("remaining", remaining())
          .put("resets_at", resetsAt.toString());
    }
  }

  public Usage usage(Competition competition, long teamId, Instant now) {
    Instant dayStart = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    int used = quotas.countTowardsLimit(competition.id(), teamId, dayStart);
    return new Usage(competition.dailyLimit(), used, dayStart.plus(Duration.ofDays(1)));
  }

  /** Refuses (429, with when to retry) when the team has no submission or no attempt left today. */
  public void check(Competition competition, long teamId, Instant now) {
    Usage usage = usage(competition, teamId, now);
    if (usage.remaining() == 0) {
      throw tooMany(now, usage.resetsAt(), "daily limit reached: " + usage.limit() + " submissions per day count "
          + "(scored or waiting to be scored; failed ones do not)");
    }
    int attempts = ATTEMPTS_PER_SUBMISSION * competition.dailyLimit();
    if (quotas.countAttempts(competition.id(), teamId, usage.resetsAt().minus(Duration.ofDays(1)))
        >= attempts) {
      throw tooMany(now, usage.resetsAt(), "attempt limit reached: a team may upload " + attempts + " files a day "
          + "(" + ATTEMPTS_PER_SUBMISSION + " times the daily limit), failed ones included");
    }
  }

  private static Refusal tooMany(Instant now, Instant resetsAt, String reason) {
    long seconds = Math.max(1, Duration.between(now, resetsAt).toSeconds());
    return new Refusal(Refusal.Reason.TOO_MANY, reason + "; try again after " + resetsAt, seconds, resetsAt);
  }
}
