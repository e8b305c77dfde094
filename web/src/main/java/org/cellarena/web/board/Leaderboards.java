package org.cellarena.web.board;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.csv.CsvWriter;
import org.cellarena.web.store.Results;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.Team;
import org.cellarena.web.store.Teams;

/**
 * The public leaderboard (per team its best scored submission on the Public images) and the private one (per team
 * the best of its final picks on the Private images). Only submissions made before the competition's cutoff (its
 * deadline, or the reveal where that came first) are ranked. Each board is computed once and kept until a submission
 * of its competition changes; {@link #get} answers from memory when it can and computes a board at most once at
 * a time.
 */
public final class Leaderboards {
  /** Which board: the public one, the private one, or the public best score of the top teams over time. */
  public enum Board { PUBLIC, PRIVATE, HISTORY }

  /** How many teams the history follows. */
  static final int HISTORY_TEAMS = 10;

  private record Key(String competition, Board board) {}

  /** A computation under way, for the generation it started in: a request after a change must not join it. */
  private record Pending(String competition, Board board, long generation) {}

  /** A computed board, with its JSON already encoded (what most requests send). */
  public record Rendered(JsonObject board, Buffer json) {}

  private record Cached(long generation, Rendered rendered) {}

  private final Submissions submissions;
  private final Results results;
  private final Teams teams;
  private final Reveals reveals;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final Map<Pending, Future<Rendered>> inFlight = new ConcurrentHashMap<>();

  /** Told of each {@link #invalidate}, to tell the other server nodes; by default only this one. */
  private final Consumer<String> broadcast;

  public Leaderboards(Submissions submissions, Results results, Teams teams, Reveals reveals) {
    this(submissions, results, teams, reveals, null);
  }

  /**
   * @param broadcast tells every node (this one included) that a competition's boards changed; each node then
   *     calls {@link #invalidateHere}. Null: this node only.
   */
  public Leaderboards(Submissions submissions, Results results, Teams teams, Reveals reveals,
      Consumer<String> broadcast) {
    this.submissions = submissions;
    this.results = results;
    this.teams = teams;
    this.reveals = reveals;
    this.broadcast = broadcast != null ? broadcast : this::invalidateHere;
  }

  /** The board if it is computed and current, else null (then call {@link #compute}, off the event loop). */
  private Rendered cached(Competition competition, Board board) {
    Cached c = cache.get(new Key(competition.id(), board));
    return c != null && c.generation == generation(competition.id()).get() ? c.rendered : null;
  }

  /** Computes the board from the database (blocking) and keeps it. */
  private Rendered compute(Competition competition, Board board) {
    long generation = generation(competition.id()).get();
    List<SubmissionRow> rows = submissions.forCompetition(competition.id());
    if (board != Board.PRIVATE) { // the private board ranks final picks, chosen by the real public scores
      rows = LadderedScores.shown(competition, reveals.isRevealed(competition.id()), rows);
    }
    List<Entry> scored = entries(rows, cutoff(competition));
    Map<Long, Team> byId = new HashMap<>(); // read after the submissions: it holds every team they name
    teams.all().forEach(t -> byId.put(t.id(), t));
    List<Entry> entries = scored.stream().filter(e -> !byId.get(e.teamId()).disabled()).toList();
    JsonObject result = new JsonObject()
        .put("competition", competition.id())
        .put("board", board.name().toLowerCase(java.util.Locale.ROOT));
    switch (board) {
      case PUBLIC -> result.put("rows", publicRows(entries, byId));
      case PRIVATE -> result.put("rows", privateRows(entries, competition.finalPicks(), byId));
      case HISTORY -> result.put("teams", history(entries, byId));
    }
    Rendered rendered = new Rendered(result, result.toBuffer());
    cache.put(new Key(competition.id(), board), new Cached(generation, rendered));
    return rendered;
  }

  /**
   * The board: from memory when current, else computed on a worker thread, once however many requests ask at
   * the same time (they all get that one computation's answer, unless the competition changed since it began).
   */
  public Future<Rendered> get(Vertx vertx, Competition competition, Board board) {
    long generation = generation(competition.id()).get();
    Rendered current = cached(competition, board);
    if (current != null) {
      return Future.succeededFuture(current);
    }
    Pending key = new Pending(competition.id(), board, generation);
    Promise<Rendered> computing = Promise.promise();
    Future<Rendered> already = inFlight.putIfAbsent(key, computing.future());
    if (already != null) {
      return already;
    }
    vertx.executeBlocking(() -> compute(competition, board), false).onComplete(done -> {
      inFlight.remove(key, computing.future());
      computing.handle(done);
    });
    return computing.future();
  }

  /** Forgets the competition's boards, on every node; the next request computes them again. */
  public void invalidate(String competition) {
    broadcast.accept(competition);
  }

  /** Forgets the competition's boards on this node. */
  public void invalidateHere(String competition) {
    generation(competition).incrementAndGet();
  }

  /** Forgets every board on this node (a team changed, or changes may have been missed). */
  public void invalidateAllHere() {
    generations.values().forEach(AtomicLong::incrementAndGet);
  }

  /**
   * The ids of a team's final picks: its explicit ones, or without any its best public ones (up to the
   * competition's {@code final_picks}, ties to the earlier), of those made before the cutoff. The private board
   * uses the same rule.
   */
  public List<Long> finalPicks(Competition competition, List<SubmissionRow> teamSubmissions) {
    return picks(entries(teamSubmissions, cutoff(competition)), competition.finalPicks()).stream()
        .map(Entry::submission).toList();
  }

  /** The deadline or the reveal, whichever came first; null while neither has. */
  private Instant cutoff(Competition competition) {
    return competition.cutoff(reveals.revealedAt(competition.id()).orElse(null));
  }

  private static List<Entry> picks(List<Entry> team, int finalPicks) {
    List<Entry> explicit = team.stream().filter(Entry::finalPick).toList();
    if (!explicit.isEmpty()) {
      return explicit;
    }
    return team.stream().sorted(Entry::byPublicScore).limit(finalPicks).toList();
  }

  private AtomicLong generation(String competition) {
    return generations.computeIfAbsent(competition, c -> new AtomicLong());
  }

  /** The submissions made before {@code cutoff} (null: no cutoff) that have a score, as the boards see them. */
  private static List<Entry> entries(List<SubmissionRow> rows, Instant cutoff) {
    List<Entry> entries = new ArrayList<>();
    for (SubmissionRow s : rows) {
      boolean inTime = cutoff == null || s.createdAt().isBefore(cutoff);
      if (inTime && s.status() != Status.FAILED && s.score() != null) {
        entries.add(new Entry(s.id(), s.teamId(), s.teamName(), s.createdAt(), s.score().publicScore(),
            s.score().publicCiLow(), s.score().publicCiHigh(), s.score().privateScore(), s.finalPick()));
      }
    }
    return entries;
  }

  private static JsonArray publicRows(List<Entry> entries, Map<Long, Team> teams) {
    Map<Long, TeamActivity> activity = activity(entries);
    JsonArray rows = new JsonArray();
    for (Entry e : bestPublic(entries)) {
      rows.add(row(rows.size() + 1, e, e.publicScore(), activity.get(e.teamId()), teams.get(e.teamId()))
          .put("ci95", new JsonArray().add(e.ciLow()).add(e.ciHigh())));
    }
    return rows;
  }

  /** Each team's best public entry, best first. */
  private static List<Entry> bestPublic(List<Entry> entries) {
    List<Entry> best = new ArrayList<>(bestPerTeam(entries, Entry::byPublicScore).values());
    best.sort(Entry::byPublicScore);
    return best;
  }

  /**
   * Per team of the top {@link #HISTORY_TEAMS} on the public board, its best public score so far at each
   * submission that improved it.
   */
  private static JsonArray history(List<Entry> entries, Map<Long, Team> teams) {
    JsonArray out = new JsonArray();
    for (Entry top : bestPublic(entries).stream().limit(HISTORY_TEAMS).toList()) {
      JsonArray points = new JsonArray();
      double best = Double.NEGATIVE_INFINITY;
      List<Entry> own = entries.stream().filter(e -> e.teamId() == top.teamId() && e.publicScore() != null)
          .sorted(Comparator.comparing(Entry::createdAt)).toList();
      for (Entry e : own) {
        if (e.publicScore() > best) {
          best = e.publicScore();
          points.add(new JsonObject().put("at", e.createdAt().toString()).put("score", best));
        }
      }
      out.add(new JsonObject().put("team", top.team()).put("benchmark", teams.get(top.teamId()).benchmark())
          .put("points", points));
    }
    return out;
  }

  /**
   * The private board: per team the best of its final picks on the Private images, with its interval and its
   * team's rank on the public board ({@code public_rank}), so that the shake-up shows.
   */
  private JsonArray privateRows(List<Entry> entries, int finalPicks, Map<Long, Team> teams) {
    Map<Long, Integer> publicRank = new HashMap<>();
    for (Entry e : bestPublic(entries)) {
      publicRank.put(e.teamId(), publicRank.size() + 1);
    }
    Map<Long, List<Entry>> byTeam = new LinkedHashMap<>();
    entries.forEach(e -> byTeam.computeIfAbsent(e.teamId(), t -> new ArrayList<>()).add(e));
    List<Entry> best = new ArrayList<>();
    for (List<Entry> team : byTeam.values()) {
      picks(team, finalPicks).stream().min(Entry::byPrivateScore).ifPresent(best::add);
    }
    best.sort(Entry::byPrivateScore);
    Map<Long, TeamActivity> activity = activity(entries);
    JsonArray rows = new JsonArray();
    for (Entry e : best) {
      rows.add(row(rows.size() + 1, e, e.privateScore(), activity.get(e.teamId()), teams.get(e.teamId()))
          .put("ci95", privateInterval(e.submission()))
          .put("public_score", e.publicScore())
          .put("public_rank", publicRank.get(e.teamId())));
    }
    return rows;
  }

  /** The 95% interval of a submission's private score, from its latest result's detail. */
  private JsonArray privateInterval(long submission) {
    JsonObject part = results.latestDetail(submission).map(JsonObject::new)
        .map(d -> d.getJsonObject("private")).orElse(null);
    return part == null ? null : part.getJsonArray("ci95");
  }

  /** The fields both boards share. */
  private static JsonObject row(int rank, Entry e, Double score, TeamActivity a, Team team) {
    return new JsonObject()
        .put("rank", rank)
        .put("team", e.team())
        .put("benchmark", team.benchmark())
        .put("score", score)
        .put("entries", a.entries)
        .put("last", a.last.toString())
        .put("submission", e.submission());
  }

  private static Map<Long, Entry> bestPerTeam(List<Entry> entries, Comparator<Entry> order) {
    Map<Long, Entry> best = new LinkedHashMap<>();
    for (Entry e : entries) {
      best.merge(e.teamId(), e, (a, b) -> order.compare(a, b) <= 0 ? a : b);
    }
    return best;
  }

  private static final class TeamActivity {
    int entries;
    Instant last = Instant.EPOCH;
  }

  private static Map<Long, TeamActivity> activity(List<Entry> entries) {
    Map<Long, TeamActivity> byTeam = new LinkedHashMap<>();
    for (Entry e : entries) {
      TeamActivity a = byTeam.computeIfAbsent(e.teamId(), t -> new TeamActivity());
      a.entries++;
      if (e.createdAt().isAfter(a.last)) {
        a.last = e.createdAt();
      }
    }
    return byTeam;
  }

  /**
   * The board as CSV: {@code rank,team,score,ci_low,ci_high,entries,last,benchmark}, and on the private board
   * also {@code public_score,public_rank}.
   */
  public static String toCsv(JsonObject board) {
    boolean isPrivate = "private".equals(board.getString("board"));
    CsvWriter csv = new CsvWriter();
    List<Object> header = new ArrayList<>(List.of("rank", "team", "score", "ci_low", "ci_high", "entries", "last",
        "benchmark"));
    if (isPrivate) {
      header.addAll(List.of("public_score", "public_rank"));
    }
    csv.row(header.toArray());
    for (Object o : board.getJsonArray("rows")) {
      JsonObject r = (JsonObject) o;
      JsonArray ci = r.getJsonArray("ci95");
      List<Object> cells = new ArrayList<>(Arrays.asList(r.getInteger("rank"), r.getString("team"),
          r.getValue("score"), ci == null ? null : ci.getValue(0), ci == null ? null : ci.getValue(1),
          r.getInteger("entries"), r.getString("last"), r.getBoolean("benchmark")));
      if (isPrivate) {
        cells.addAll(Arrays.asList(r.getValue("public_score"), r.getValue("public_rank")));
      }
      csv.row(cells.toArray());
    }
    return csv.toString();
  }
}
