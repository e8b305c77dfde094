package org.cellarena.scoring.io;

import java.util.ArrayList;
import java.util.List;

/** Collects problems up to a limit, counting the rest. */
final class Problems {
  static final int DEFAULT_LIMIT = 50;

  private final int limit;
  private final List<Problem> kept = new ArrayList<>();
  private long omitted;

  Problems(int limit) {
    this.limit = limit;
  }

  void add(long line, String imageId, String message) {
    if (kept.size() < limit) {
      kept.add(new Problem(line, imageId, message));
    } else {
      omitted++;
    }
  }

  /** Adds the problem that ends a read, kept even past the limit so that the reason is always shown. */
  void addLast(long line, String imageId, String message) {
    kept.add(new Problem(line, imageId, message));
  }

  /** Whether the limit is reached: a reader stops reading there. */
  boolean full() {
    return kept.size() >= limit;
  }

  boolean isEmpty() {
    return kept.isEmpty();
  }

  void throwIfAny(String file) throws InvalidFileException {
    if (!kept.isEmpty()) {
      throw new InvalidFileException(file, kept, omitted);
    }
  }
}
