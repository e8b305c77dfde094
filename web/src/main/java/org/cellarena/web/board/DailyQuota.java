package org.cellarena.web.board;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.cellarena.web.Refusal;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.store.Submissions;

/**
 * The daily submission limit: a team's scored submissions (and those still waiting, which will count unless
 * they fail) since 00:00 UTC. Failed ones never count.
 */
public final class DailyQuota {
  private final Submissions submissions;

  public DailyQuota(Submissions submissions) {
    this.submissions = submissions;
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
    int used = submissions.countTowardsLimit(competition.id(), teamId, dayStart);
    return new Usage(competition.dailyLimit(), used, dayStart.plus(Duration.ofDays(1)));
  }

  /** Refuses (429, with when to retry) when the team has no submission left today. */
  public void check(Competition competition, long teamId, Instant now) {
    Usage usage = usage(competition, teamId, now);
    if (usage.remaining() == 0) {
      long seconds = Math.max(1, Duration.between(now, usage.resetsAt()).toSeconds());
      throw new Refusal(429, "daily limit reached: " + usage.limit() + " submissions per day count (scored or "
          + "waiting to be scored; failed ones do not); try again after " + usage.resetsAt(),
          new JsonObject().put("retry_at", usage.resetsAt().toString()).put("retry_after_seconds", seconds));
    }
  }
}
