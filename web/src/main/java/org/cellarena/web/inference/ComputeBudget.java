package org.cellarena.web.inference;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.ModelTerms;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Inferences;

/**
 * A team's inference minutes per day (UTC) in a model competition: the seconds of its inferences started today
 * (a running one's as charged at its last heartbeat), against the competition's {@code compute_minutes_per_day}.
 * Checked at upload (429) and again when an inference is claimed (it fails then, or stops where the compute left
 * runs out).
 */
public final class ComputeBudget {
  private final Inferences inferences;

  public ComputeBudget(Inferences inferences) {
    this.inferences = inferences;
  }

  /** The sentence the team reads when its compute today is used up, or empty while some is left. */
  public Optional<String> exceeded(Competition competition, long teamId, Instant now) {
    double limit = competition.model().computeMinutesPerDay();
    double used = usedMinutes(competition, teamId, now);
    if (used < limit) {
      return Optional.empty();
    }
    return Optional.of("Exceeded Allowed Compute: " + ModelTerms.count(used) + " of " + ModelTerms.count(limit)
        + " minutes used today");
  }

  /** The compute the team has left today (zero when used up). */
  public Duration remaining(Competition competition, long teamId, Instant now) {
    double minutes = competition.model().computeMinutesPerDay() - usedMinutes(competition, teamId, now);
    return Duration.ofNanos((long) (Math.max(0, minutes) * 60e9));
  }

  private double usedMinutes(Competition competition, long teamId, Instant now) {
    return inferences.secondsSince(competition.id(), teamId, dayStart(now)) / 60;
  }

  /** Refuses (429, retry at 00:00 UTC) a model upload of a team whose compute today is used up. */
  public void check(Competition competition, long teamId, Instant now) {
    Optional<String> exceeded = exceeded(competition, teamId, now);
    if (exceeded.isPresent()) {
      Instant resets = dayStart(now).plus(Duration.ofDays(1));
      throw new Refusal(Refusal.Reason.TOO_MANY, exceeded.get() + "; try again after " + resets,
          Math.max(1, Duration.between(now, resets).toSeconds()), resets);
    }
  }

  private static Instant dayStart(Instant now) {
    return now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
  }
}
