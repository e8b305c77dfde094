package org.cellarena.web.scoring;

/** Told when a submission's status changes (queued, scoring, scored, failed). */
@FunctionalInterface
public interface StatusListener {
  void changed(long submissionId, String competition);
}
