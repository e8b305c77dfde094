package org.cellarena.web.scoring;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.cellarena.web.scoring.JobOrder.Lane;

/**
 * The order in which waiting submissions are scored: next is the oldest submission of the team that has had the
 * least scoring time recently (a sum of scoring seconds that halves every {@link #HALF_LIFE_SECONDS}), so that one
 * team's backlog never holds up another team. A team with a submission being scored waits while other teams have
 * work. The {@link Lane#LIGHT light lane} takes only what {@link Lane} says. Thread-safe; {@link #take} blocks.
 */
final class FairQueue {
  static final double HALF_LIFE_SECONDS = 600;

  /** A submission handed to a thread of {@code lane}; give it back with {@link #done}. */
  record Claim(long id, long team, Lane lane) {}

  private final Map<Long, TreeSet<Long>> waitingByTeam = new HashMap<>();
  private final Map<Long, Long> teamOf = new HashMap<>();
  private final Map<Long, Integer> scoringByTeam = new HashMap<>();
  private final Map<Long, Usage> usageByTeam = new HashMap<>();
  private final Set<Long> handedBack = new HashSet<>();
  /** The threads of the {@link Lane#ANY} lane; while one of them has no submission, the light lane takes none. */
  private final int anyThreads;
  private int anyBusy;

  FairQueue(int anyThreads) {
    this.anyThreads = anyThreads;
  }

  /** Recent scoring time of one team, decayed since {@code atNanos}. */
  private record Usage(double seconds, long atNanos) {
    double now(long nanos) {
      return seconds * Math.pow(0.5, (nanos - atNanos) / 1e9 / HALF_LIFE_SECONDS);
    }
  }

  /** Adds a waiting submission; false when it is waiting already. */
  synchronized boolean add(long id, long team) {
    if (teamOf.putIfAbsent(id, team) != null) {
      return false;
    }
    waitingByTeam.computeIfAbsent(team, t -> new TreeSet<>()).add(id);
    notifyAll();
    return true;
  }

  /** The next submission for {@code lane}, waiting up to {@code timeoutMillis} for one; null when none came. */
  synchronized Claim take(Lane lane, long timeoutMillis) throws InterruptedException {
    long end = System.nanoTime() + timeoutMillis * 1_000_000;
    Claim next;
    while ((next = next(lane, System.nanoTime())) == null) {
      long left = (end - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return null;
      }
      wait(left);
    }
    TreeSet<Long> ids = waitingByTeam.get(next.team());
    ids.remove(next.id());
    if (ids.isEmpty()) {
      waitingByTeam.remove(next.team());
    }
    teamOf.remove(next.id());
    handedBack.remove(next.id());
    scoringByTeam.merge(next.team(), 1, Integer::sum);
    if (lane == Lane.ANY) {
      anyBusy++;
    }
    return next;
  }

  /** Records that a claimed submission took {@code seconds} of scoring. */
  synchronized void done(Claim claim, double seconds) {
    scoringByTeam.computeIfPresent(claim.team(), (t, n) -> n > 1 ? n - 1 : null);
    if (claim.lane() == Lane.ANY) {
      anyBusy--;
    }
    long now = System.nanoTime();
    Usage before = usageByTeam.get(claim.team());
    usageByTeam.put(claim.team(), new Usage((before == null ? 0 : before.now(now)) + seconds, now));
    notifyAll();
  }

  /** Puts back a submission that the light lane gave up on after {@code seconds}: from now on only for ANY. */
  synchronized void handBack(Claim claim, double seconds) {
    done(claim, seconds);
    handedBack.add(claim.id());
    add(claim.id(), claim.team());
  }

  /**
   * Where a waiting submission stands, 1 = next; 0 when it is not waiting. An estimate: the teams take turns in
   * the order of their recent scoring time, each turn scoring a team's oldest submission.
   */
  synchronized int position(long id) {
    Long team = teamOf.get(id);
    if (team == null) {
      return 0;
    }
    long now = System.nanoTime();
    return position(id, team, waitingByTeam, t -> usage(t, now));
  }

  /**
   * {@link #position} over any snapshot of the waiting submissions (by team, each team's ids in order) and of
   * the teams' recent scoring time, or of any number that orders the teams the same way.
   */
  static int position(long id, long team, Map<Long, TreeSet<Long>> waitingByTeam, ToDoubleFunction<Long> usageOf) {
    int position = 1;
    double usage = usageOf.applyAsDouble(team);
    int turn = waitingByTeam.get(team).headSet(id).size();
    for (Map.Entry<Long, TreeSet<Long>> other : waitingByTeam.entrySet()) {
      if (other.getKey().equals(team)) {
        position += turn;
        continue;
      }
      double otherUsage = usageOf.applyAsDouble(other.getKey());
      boolean before = otherUsage < usage || (otherUsage == usage && other.getValue().first() < id);
      // in each turn up to ours the other team scores one submission; in ours only if it comes first
      position += Math.min(other.getValue().size(), turn + (before ? 1 : 0));
    }
    return position;
  }

  /** How many submissions wait. */
  synchronized int size() {
    return teamOf.size();
  }

  /**
   * The submission {@code lane} takes next, or null: teams with none being scored first, then the least recent
   * scoring time, then the oldest submission.
   */
  private Claim next(Lane lane, long now) {
    if (lane == Lane.LIGHT && anyBusy < anyThreads) {
      return null; // a thread of the ANY lane is free to take it; the light lane stays free
    }
    Claim best = null;
    Comparator<Claim> order = Comparator.<Claim, Boolean>comparing(c -> scoringByTeam.containsKey(c.team()))
        .thenComparingDouble(c -> usage(c.team(), now)).thenComparingLong(Claim::id);
    for (Map.Entry<Long, TreeSet<Long>> waiting : waitingByTeam.entrySet()) {
      long team = waiting.getKey();
      Long id = lane == Lane.ANY ? waiting.getValue().first() : firstLight(team, waiting.getValue());
      if (id != null) {
        Claim candidate = new Claim(id, team, lane);
        if (best == null || order.compare(candidate, best) < 0) {
          best = candidate;
        }
      }
    }
    return best;
  }

  /** The team's oldest submission that the light lane may take, or null: none while the team has one scoring. */
  private Long firstLight(long team, TreeSet<Long> ids) {
    if (scoringByTeam.containsKey(team)) {
      return null;
    }
    return ids.stream().filter(id -> !handedBack.contains(id)).findFirst().orElse(null);
  }

  private double usage(long team, long now) {
    Usage u = usageByTeam.get(team);
    return u == null ? 0 : u.now(now);
  }
}
