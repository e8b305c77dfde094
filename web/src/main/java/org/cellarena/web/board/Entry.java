package org.cellarena.web.board;

import java.time.Instant;

/** A scored submission as the leaderboards see it. */
record Entry(long submission, long teamId, String team, Instant createdAt, Double publicScore, Double ciLow,
    Double ciHigh, Double privateScore, boolean finalPick) {

  /** Best public score first; on a tie the earlier submission. */
  static int byPublicScore(Entry a, Entry b) {
    return compare(a.publicScore, b.publicScore, a, b);
  }

  /** Best private score first; on a tie the earlier submission. */
  static int byPrivateScore(Entry a, Entry b) {
    return compare(a.privateScore, b.privateScore, a, b);
  }

  private static int compare(Double x, Double y, Entry a, Entry b) {
    double sx = x == null ? Double.NEGATIVE_INFINITY : x;
    double sy = y == null ? Double.NEGATIVE_INFINITY : y;
    int byScore = Double.compare(sy, sx);
    return byScore != 0 ? byScore : Long.compare(a.submission, b.submission);
  }
}
